/** A combination of arguments or options that does not make sense; says which and what to do instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}
