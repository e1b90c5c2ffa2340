/** A `--param` that is not `name=value`, or names a parameter no selected check declares. */
export class ParamError extends Error {
  override name = 'ParamError';
}

/** Reads `--param name=value` options into a map, rejecting malformed ones and names no check declares. */
export function parseParams(values: readonly string[], declared: ReadonlySet<string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const value of values) {
    const match = /^([A-Za-z][\w-]*)=(.*)$/s.exec(value);
    if (!match) throw new ParamError(`Unexpected --param "${value}", expected name=value`);
    const [, name, text] = match as unknown as [string, string, string];
    if (!declared.has(name)) {
      const known = [...declared].sort();
      throw new ParamError(`Unexpected --param ${name}: no selected check declares it${known.length ? `, expected one of: ${known.join(', ')}` : ' (the selected checks take no parameters)'}`);
    }
    params[name] = text;
  }
  return params;
}
