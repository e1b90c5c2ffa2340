/** The column types the sandbox answers with, as the driver's JSON result format names them. */
export type ColumnType = 'text' | 'fixed' | 'real' | 'boolean' | 'timestamp_ltz' | 'timestamp_ntz' | 'date' | 'variant';

/** A column of a result set. */
export interface Column {
  name: string;
  type: ColumnType;
}

/** A cell before it is written in the wire format. */
export type Cell = string | number | bigint | boolean | Date | null | object;

/** What a statement returns: columns and rows of cells. */
export interface ResultSet {
  columns: Column[];
  rows: Cell[][];
}

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

/** The "does not exist or not authorized" error Snowflake gives for an unknown object. */
export function objectDoesNotExist(kind: string, name: string): SqlError {
  return new SqlError(`SQL compilation error:\n${kind} '${name}' does not exist or not authorized.`, '002003', '02000');
}

/** Writes a cell as the JSON result format carries it: a string (or null), numbers as text, times as epoch seconds. */
export function wireCell(cell: Cell, type: ColumnType): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    if (type === 'date') return String(Math.floor(cell.getTime() / 86_400_000));
    const ms = cell.getTime();
    const seconds = Math.floor(ms / 1000);
    return `${seconds}.${String((ms - seconds * 1000) * 1_000_000).padStart(9, '0')}`;
  }
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}
