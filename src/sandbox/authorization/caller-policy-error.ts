/** A caller policy that cannot be read or is not an IAM policy document; names where it came from and what was wrong. */
export class CallerPolicyError extends Error {
  override name = 'CallerPolicyError';
}
