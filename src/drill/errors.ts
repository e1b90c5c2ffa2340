/** A drill request that cannot be carried out as asked (no drill running, one already running, a bad option); says what to do. */
export class DrillUsageError extends Error {
  override name = 'DrillUsageError';
}
