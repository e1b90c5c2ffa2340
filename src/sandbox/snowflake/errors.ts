/** A SQL error with Snowflake's code and SQL state, sent as `success: false`. */
export class SqlError extends Error {
  override name = 'SqlError';
  constructor(
    message: string,
    readonly code = '002003',
    readonly sqlState = '02000',
  ) {
    super(message);
  }
}

/**
 * The "does not exist or not authorized" error Snowflake gives for an unknown object: SQL state 02000
 * for a named object of a command (`Stage 'X'`, `Schema 'X'`), 42S02 for a table or view a query reads (`Object 'X'`).
 */
export function objectDoesNotExist(kind: string, name: string, sqlState = '02000'): SqlError {
  return new SqlError(`SQL compilation error:\n${kind} '${name}' does not exist or not authorized.`, '002003', sqlState);
}

/** Snowflake's parse error, 001003: `syntax error line 1 at position 4 unexpected 'FILE'.` (position counts from 0). */
export function syntaxError(line: number, position: number, token: string): SqlError {
  return new SqlError(`SQL compilation error:\nsyntax error line ${line} at position ${position} unexpected '${token}'.`, '001003', '42000');
}

/** Snowflake's unknown-column error, 000904: `error line 1 at position 7` then `invalid identifier 'FOO'`. */
export function invalidIdentifier(line: number, position: number, name: string): SqlError {
  return new SqlError(`SQL compilation error: error line ${line} at position ${position}\ninvalid identifier '${name}'`, '000904', '42000');
}
