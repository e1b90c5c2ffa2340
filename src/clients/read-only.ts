/** Operation name prefixes that only read. Everything else is refused on a read-only client. */
const readOperation = /^(Get|List|Describe|Filter|Head|Simulate|Scan|Query|BatchGet|Lookup|Search)([A-Z]|$)/;

/** Raised when a read-only check calls an operation that changes something. */
export class MutationBlockedError extends Error {
  override name = 'MutationBlockedError';
  constructor(readonly operation: string) {
    super(`${operation} changes state and is refused: checks are read-only; only an action run with --fix may change anything`);
  }
}

/** True when an AWS operation (`GetJobRunCommand` or `GetJobRun`) only reads. */
export function isReadOperation(operation: string): boolean {
  return readOperation.test(operation.replace(/Command$/, ''));
}

/** True when a SQL statement only reads (SELECT, SHOW, DESCRIBE, LIST, WITH … SELECT, EXPLAIN). */
export function isReadStatement(sql: string): boolean {
  const first = sql.replace(/^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*/, '').split(/\s+/, 1)[0]?.toUpperCase() ?? '';
  return ['SELECT', 'SHOW', 'DESC', 'DESCRIBE', 'LIST', 'LS', 'WITH', 'EXPLAIN'].includes(first);
}
