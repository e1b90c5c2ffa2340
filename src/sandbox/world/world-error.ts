/** Raised for an unknown or malformed world; names the file and the problem. */
export class WorldError extends Error {
  override name = 'WorldError';
}
