import { openSnowflake, type SnowflakeRow } from '../clients/snowflake';
import type { SnowflakeTarget } from '../clients/targets';
import { formatSqlValue, buildSqlTable } from './sql-table';

/** Settings that `npm run sql` needs but the environment does not give; names them. */
export class SqlSettingsError extends Error {
  override name = 'SqlSettingsError';
}

/** The Snowflake target that Snowflake's standard SNOWFLAKE_* variables describe (the sandbox's env file sets them). */
export function sqlTargetFromEnvironment(env: NodeJS.ProcessEnv): SnowflakeTarget {
  const missing = ['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_USER'].filter((name) => !env[name]);
  const accessUrl = env.SNOWFLAKE_ACCESS_URL ?? (env.SNOWFLAKE_HOST ? `${env.SNOWFLAKE_PROTOCOL ?? 'https'}://${env.SNOWFLAKE_HOST}${env.SNOWFLAKE_PORT ? `:${env.SNOWFLAKE_PORT}` : ''}` : undefined);
  if (!accessUrl) missing.push('SNOWFLAKE_ACCESS_URL (or SNOWFLAKE_HOST)');
  if (missing.length > 0) throw new SqlSettingsError(`Missing ${missing.join(', ')}: load a drill's or the sandbox's env file first (set -a; . FILE; set +a)`);
  const optional = { warehouse: env.SNOWFLAKE_WAREHOUSE, database: env.SNOWFLAKE_DATABASE, schema: env.SNOWFLAKE_SCHEMA, role: env.SNOWFLAKE_ROLE };
  return {
    account: env.SNOWFLAKE_ACCOUNT!,
    accessUrl: accessUrl!,
    timeoutMs: 20_000,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)),
  };
}

/** Where `npm run sql` writes. */
export interface SqlIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `npm run -s sql -- "STATEMENT" [--json]`: runs each statement through Snowflake's Node driver and prints its
 * rows as a table (or JSON lines). Exit 0, 1 when Snowflake refused a statement, 2 for missing settings or statements.
 */
export async function runSqlCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: SqlIo): Promise<number> {
  const json = argv.includes('--json');
  const statements = argv.filter((arg) => arg !== '--json');
  if (statements.length === 0 || statements.some((s) => s.startsWith('--'))) {
    io.err('Usage: npm run -s sql -- "SQL STATEMENT" [more statements…] [--json]\n');
    return 2;
  }
  let target: SnowflakeTarget;
  try {
    target = sqlTargetFromEnvironment(env);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  const session = await openSnowflake(target, { readOnly: false }).catch((error: Error) => error);
  if (session instanceof Error) {
    io.err(`Could not log in to Snowflake at ${target.accessUrl}: ${session.message}\n`);
    return 1;
  }
  try {
    for (const statement of statements) {
      let rows: SnowflakeRow[];
      try {
        rows = await session.query(statement);
      } catch (error) {
        io.err(`${(error as Error).message}\n`);
        return 1;
      }
      io.out(json ? rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : formatSqlValue(v)])))).join('\n') + (rows.length ? '\n' : '') : buildSqlTable(rows));
    }
    return 0;
  } finally {
    await session.close();
  }
}
