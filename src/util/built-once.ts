/**
 * A value built the first time it is asked for, then kept: a schema built at import would cost every process that
 * imports its module, among them the CLI runs that never validate with it.
 */
export function builtOnce<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
