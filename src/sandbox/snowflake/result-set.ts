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
