/** The argument that asks for triage: `npm run check -- triage`. */
export const triageArgument = 'triage';
