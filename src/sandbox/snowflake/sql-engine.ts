import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import type { WarehouseSection } from '../warehouse/state';
import { snowflakeErrorOf } from './engine-errors';
import type { Cell, Column, ColumnType, ResultSet } from './result-set';

/** A real SQL engine (DuckDB, in memory) seeded with a world's tables: answers the plain SELECTs of the simulated Snowflake. */
export interface SqlEngine {
  /** Runs a read-only query with the session's database and schema as the defaults for unqualified names. */
  query(sql: string, defaults: { database: string | null; schema: string | null }): Promise<ResultSet>;
  close(): Promise<void>;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The Snowflake wire type of a DuckDB column type. */
export function wireType(type: DuckDBType): ColumnType {
  const name = type.toString();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(name)) return 'fixed';
  if (/^DECIMAL\(\d+,0\)$/.test(name)) return 'fixed';
  if (/^(FLOAT|DOUBLE|DECIMAL)/.test(name)) return 'real';
  if (name === 'BOOLEAN') return 'boolean';
  if (name === 'DATE') return 'date';
  if (name === 'TIMESTAMP WITH TIME ZONE') return 'timestamp_ltz';
  if (name.startsWith('TIMESTAMP')) return 'timestamp_ntz';
  if (name === 'VARCHAR') return 'text';
  return 'variant';
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  return value as object;
}

async function seed(connection: DuckDBConnection, section: WarehouseSection): Promise<void> {
  const databases = new Set<string>();
  const schemas = new Set<string>();
  for (const [name, table] of Object.entries(section.tables)) {
    const [database, schema] = name.split('.') as [string, string, string];
    if (!databases.has(database)) await connection.run(`ATTACH ':memory:' AS ${quote(database)}`);
    databases.add(database);
    if (!schemas.has(`${database}.${schema}`)) await connection.run(`CREATE SCHEMA ${quote(database)}.${quote(schema)}`);
    schemas.add(`${database}.${schema}`);
    const qualified = name.split('.').map(quote).join('.');
    const columns = Object.entries(table.columns);
    await connection.run(`CREATE TABLE ${qualified} (${columns.map(([c, t]) => `${quote(c)} ${t}`).join(', ')})`);
    if (table.rows.length === 0) continue;
    const appender = `INSERT INTO ${qualified} VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    const prepared = await connection.prepare(appender);
    for (const row of table.rows) {
      prepared.clearBindings();
      columns.forEach((_, i) => {
        const value = row[i] ?? null;
        if (value === null) prepared.bindNull(i + 1);
        else if (typeof value === 'boolean') prepared.bindBoolean(i + 1, value);
        else if (typeof value === 'number') prepared.bindDouble(i + 1, value);
        else prepared.bindVarchar(i + 1, value);
      });
      await prepared.run();
    }
  }
}

/** Starts an in-memory engine with the section's tables. */
export async function createSqlEngine(section: WarehouseSection): Promise<SqlEngine> {
  // Loaded here, not at import: a sandbox whose run sends no SELECT never loads DuckDB.
  const { DuckDBInstance } = require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await seed(setup, section);
  setup.closeSync();
  const known = new Set(Object.keys(section.tables).map((name) => name.split('.').slice(0, 2).join('.')));
  return {
    async query(sql, defaults) {
      const connection = await instance.connect();
      try {
        const scope = defaults.database && defaults.schema ? `${defaults.database}.${defaults.schema}` : null;
        if (scope && known.has(scope)) await connection.run(`USE ${scope.split('.').map(quote).join('.')}`);
        const reader = await connection.runAndReadAll(sql).catch((error: unknown) => {
          throw snowflakeErrorOf(error, sql, defaults);
        });
        const types = reader.columnTypes();
        const columns: Column[] = reader.columnNames().map((name, i) => ({ name: /^[a-z_][\w$]*$/.test(name) ? name.toUpperCase() : name, type: wireType(types[i]!) }));
        return { columns, rows: reader.getRowsJS().map((row) => row.map(cell)) };
      } finally {
        connection.closeSync();
      }
    },
    async close() {
      instance.closeSync();
    },
  };
}

/** An engine that starts (and seeds) DuckDB on its first query, so a sandbox start costs nothing for runs without SELECTs. */
export function deferredSqlEngine(section: WarehouseSection): SqlEngine {
  let engine: Promise<SqlEngine> | undefined;
  return {
    query: async (sql, defaults) => (await (engine ??= createSqlEngine(section))).query(sql, defaults),
    close: async () => {
      if (engine) await (await engine).close();
    },
  };
}
