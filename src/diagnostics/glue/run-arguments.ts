/** Argument names whose values are secrets (`--db_password`, `--api-token`, `--secret_key`). */
const secretArgument = /pass(?:word|wd)?|secret|token|credential|private[_-]?key|api[_-]?key/i;

/** A run's arguments as evidence: every value whose name marks a secret is replaced, the rest kept as they are. */
export function argumentsEvidence(args: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(args ?? {}).map(([name, value]) => [name, secretArgument.test(name) ? '[redacted]' : value]));
}
