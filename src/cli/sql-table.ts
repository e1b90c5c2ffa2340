import type { SnowflakeRow } from '../clients/snowflake';

/** A value as a SQL client prints it: NULL, timestamps in ISO 8601 UTC, variants as JSON. */
export function formatSqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  // The driver's timestamp values are Dates whose own toJSON needs session parameters: read the instant itself.
  if (value instanceof Date) return Date.prototype.toISOString.call(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows as a plain text table, a column per key, headed by the column names; `(0 rows)` when there are none. */
export function buildSqlTable(rows: readonly SnowflakeRow[]): string {
  if (rows.length === 0) return '(0 rows)\n';
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((column) => formatSqlValue(row[column]).replace(/\s*\n\s*/g, ' ')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`, ''].join('\n');
}
