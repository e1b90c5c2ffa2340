/** The account id every simulated AWS resource belongs to (ARNs, role ARNs, log stream ARNs). */
export const sandboxAccountId = '123456789012';
