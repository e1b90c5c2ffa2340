import { combineVerdicts, fail, notConfigured, type CheckContext } from '../../check-api';
import type { SnowflakeSession } from '../../clients';
import type { CheckResult } from '../../model';
import { showExternalTable, showExternalTableSql, type ExternalTableInfo } from './external-table';

/** The table as SHOW EXTERNAL TABLES describes it, read once per run for every check and action that asks. */
export function sharedExternalTable(ctx: Pick<CheckContext, 'memo'>, session: SnowflakeSession, name: string): Promise<ExternalTableInfo | null> {
  return ctx.memo(['snowflake:SHOW EXTERNAL TABLES', name], () => showExternalTable(session, name));
}

/**
 * Runs `judge` for every external table the environment configures, after finding it with
 * SHOW EXTERNAL TABLES; a missing table fails. Returns the combined verdict.
 */
export async function eachExternalTable(
  ctx: CheckContext,
  judge: (table: ExternalTableInfo, session: SnowflakeSession) => Promise<CheckResult>,
): Promise<CheckResult> {
  const tables = ctx.config.externalTables?.tables;
  if (!tables?.length) return notConfigured(ctx.environment, 'externalTables.tables');
  const session = await ctx.clients.snowflake();
  const parts = [];
  for (const name of tables) {
    const info = await sharedExternalTable(ctx, session, name);
    const result = info
      ? await judge(info, session)
      : fail(`external table ${name} does not exist or this role cannot see it`, { evidence: [{ label: 'statement', value: showExternalTableSql(name) }] });
    parts.push({ subject: name, result });
  }
  return combineVerdicts(parts);
}
