type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Reads a simple JSONPath (`$`, `$.a.b`) from a value; undefined when the path does not resolve. */
export function readPath(value: unknown, path: string): unknown {
  if (path === '$') return value;
  if (!path.startsWith('$.')) return undefined;
  let current = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Resolves a Task's `Parameters` against the state input as Step Functions does for `"Key.$": "$.path"`
 * entries; context paths (`$$.…`) and unresolved paths are left out.
 */
export function resolveParameters(template: unknown, input: unknown): Json {
  if (Array.isArray(template)) return template.map((item) => resolveParameters(item, input));
  if (template === null || typeof template !== 'object') return template as Json;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      const resolved = readPath(input, value);
      if (resolved !== undefined) out[key.slice(0, -2)] = resolved as Json;
    } else {
      out[key] = resolveParameters(value, input);
    }
  }
  return out;
}

/** Places a task's result into its input as `ResultPath` says: `$` (or absent) replaces, `$.a.b` sets, null discards. */
export function applyResultPath(input: unknown, resultPath: unknown, result: unknown): unknown {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$' || typeof resultPath !== 'string' || !resultPath.startsWith('$.')) return result;
  const root: Record<string, unknown> = input && typeof input === 'object' && !Array.isArray(input) ? structuredClone(input as Record<string, unknown>) : {};
  const keys = resultPath.slice(2).split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = node[key] = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  }
  node[keys[keys.length - 1]!] = result;
  return root;
}
