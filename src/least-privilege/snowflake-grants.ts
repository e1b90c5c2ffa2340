import type { EnvironmentConfig } from '../config';
import { collectPermissions, type SystemGrants, type SystemPermission } from './system-permission';

/** What each Snowflake statement of the checks needs, as grant kinds that `snowflakeGrants` writes out for the configured objects. */
export const snowflakeOperations: Record<string, SystemPermission> = {
  login: { needs: ['warehouse'] },
  SELECT: { needs: ['warehouse', 'database', 'models'] },
  'SHOW EXTERNAL TABLES': { needs: ['database', 'external tables'] },
  'SYSTEM$EXTERNAL_TABLE_PIPE_STATUS': { needs: ['warehouse', 'database', 'external tables'] },
  EXTERNAL_TABLE_FILES: { needs: ['warehouse', 'database', 'external tables'] },
  'DESC STAGE': { needs: ['database', 'stages'] },
  'DESC STORAGE INTEGRATION': { needs: ['integration'] },
  'ALTER EXTERNAL TABLE REFRESH': { needs: ['ownership'], write: true },
};

/** The Snowflake statements for a reader role that can run the given statements, and what the remediation needs. */
export function snowflakeGrants(entries: readonly string[], env: EnvironmentConfig): SystemGrants {
  const { read, write, unmapped } = collectPermissions(entries, 'snowflake', snowflakeOperations);
  const role = env.snowflake?.role ?? 'RUNBOOK_READER';
  const database = env.snowflake?.database ?? 'DATABASE';
  const schema = `${database}.${env.snowflake?.schema ?? 'SCHEMA'}`;
  const tables = env.externalTables?.tables ?? [`${schema}.EXTERNAL_TABLE`];
  const grants: Record<string, string[]> = {
    warehouse: [`GRANT USAGE ON WAREHOUSE ${env.snowflake?.warehouse ?? 'WAREHOUSE'} TO ROLE ${role};`],
    database: [`GRANT USAGE ON DATABASE ${database} TO ROLE ${role};`, `GRANT USAGE ON ALL SCHEMAS IN DATABASE ${database} TO ROLE ${role};`],
    'external tables': tables.map((table) => `GRANT SELECT ON EXTERNAL TABLE ${table} TO ROLE ${role};`),
    stages: [`GRANT USAGE ON ALL STAGES IN SCHEMA ${schema} TO ROLE ${role};`],
    integration: [`GRANT USAGE ON INTEGRATION <the stage's storage integration> TO ROLE ${role};`],
    models: [`GRANT SELECT ON ALL TABLES IN DATABASE ${database} TO ROLE ${role};`, `GRANT SELECT ON ALL VIEWS IN DATABASE ${database} TO ROLE ${role};`, `GRANT SELECT ON FUTURE TABLES IN DATABASE ${database} TO ROLE ${role};`],
  };
  const order = ['warehouse', 'database', 'external tables', 'stages', 'integration', 'models'];
  const reader = order.filter((kind) => read.has(kind)).flatMap((kind) => grants[kind]!);
  const remediation = write.has('ownership')
    ? [`-- ALTER EXTERNAL TABLE … REFRESH needs OWNERSHIP of the table: run --fix with the owner role, never by granting it to ${role}.`, ...tables.map((table) => `SHOW GRANTS ON EXTERNAL TABLE ${table};  -- the OWNERSHIP row names the role to use`)]
    : [];
  return { read: reader.length ? [`CREATE ROLE IF NOT EXISTS ${role};`, ...reader, `GRANT ROLE ${role} TO USER <on-call user>;`] : [], remediation, unmapped };
}
