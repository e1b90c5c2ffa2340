/** Raised for a filter pattern the sandbox does not understand (JSON and space-delimited patterns). */
export class UnsupportedFilterPatternError extends Error {
  override name = 'UnsupportedFilterPatternError';
  constructor(readonly pattern: string) {
    super(`Invalid filter pattern (the sandbox supports terms, "quoted phrases", ?alternatives and -exclusions): ${pattern}`);
  }
}

/**
 * Compiles a CloudWatch Logs term pattern into a predicate: every term must occur (case-sensitive),
 * `?a ?b` matches either, `-term` excludes, `"a phrase"` is one term. An empty pattern matches everything.
 */
export function compileFilterPattern(pattern: string | undefined): (message: string) => boolean {
  const text = (pattern ?? '').trim();
  if (!text) return () => true;
  if (/^[{[]/.test(text)) throw new UnsupportedFilterPatternError(text);
  const tokens = [...text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({ mark: m[1] ?? '', term: m[2] ?? m[3] ?? '' }));
  const anyOf = tokens.filter((t) => t.mark === '?').map((t) => t.term);
  const allOf = tokens.filter((t) => t.mark === '').map((t) => t.term);
  const noneOf = tokens.filter((t) => t.mark === '-').map((t) => t.term);
  return (message) =>
    (anyOf.length === 0 || anyOf.some((term) => message.includes(term))) &&
    allOf.every((term) => message.includes(term)) &&
    noneOf.every((term) => !message.includes(term));
}
