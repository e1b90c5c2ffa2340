import { defineCheck, evidence, fail, noLongerHolds, notConfigured, pass, stillHolds, type ActionPlan } from '../../src/check-api';
import { callSiteOf, ServiceCallError } from '../../src/clients/service-error';
import type { CheckResult } from '../../src/model';
import { sharedExternalTable } from '../../src/diagnostics/snowflake/each-external-table';
import { eachTableWithFiles, tableFilesUses } from '../../src/diagnostics/snowflake/table-files';

const refreshSql = (table: string) => `ALTER EXTERNAL TABLE ${table} REFRESH`;

/** 3.3.4: a manual metadata refresh, which registers the files auto-refresh missed. Runs only with --fix. */
export default defineCheck({
  id: 'refresh-external-table',
  title: 'Manual metadata refresh of the external tables',
  establishes: 'ALTER EXTERNAL TABLE … REFRESH registers every file under the table location; the output lists what it registered.',
  kind: 'action',
  uses: [...tableFilesUses, 'snowflake:ALTER EXTERNAL TABLE REFRESH'],
  async plan(ctx): Promise<ActionPlan | CheckResult> {
    const tables = ctx.config.externalTables?.tables;
    if (!tables?.length) return notConfigured(ctx.environment, 'externalTables.tables');
    const session = await ctx.clients.snowflake();
    const found = [];
    for (const name of tables) {
      const info = await sharedExternalTable(ctx, session, name);
      if (!info) return fail(`external table ${name} does not exist or this role cannot see it: nothing to refresh`);
      found.push(info.name);
    }
    return {
      description: found.map(refreshSql).join('; '),
      preview: {
        calls: found.map((table) => ({ operation: 'snowflake:ALTER EXTERNAL TABLE REFRESH', parameters: { statement: refreshSql(table) } })),
        expects: `the files under each table's location that its metadata lacks are registered (the statement lists each file as REGISTERED_NEW); files already registered stay as they are`,
      },
      evidence: [evidence('statements', found.map(refreshSql))],
    };
  },
  /** Still stale: some table has files under its location, in the recent window, that its metadata has not registered. */
  async precondition(ctx) {
    const stale: string[] = [];
    const read = await eachTableWithFiles(ctx, (table, files) => {
      const missing = files.discovery.objects.filter((object) => !files.isRegistered(object)).length;
      if (missing > 0) stale.push(`${table.name}: ${missing}`);
      return pass(`${table.name}: ${missing} unregistered`);
    });
    if (read.status !== 'pass') return noLongerHolds(`could not confirm that a table is still stale: ${read.summary}`);
    if (stale.length === 0) return noLongerHolds(`every recent file under the tables' locations is registered now: nothing left to refresh`);
    return stillHolds;
  },
  async apply(ctx, plan) {
    const session = await ctx.clients.snowflake();
    const statements = plan.preview.calls.map((call) => String(call.parameters.statement));
    const registered: string[] = [];
    const unregistered: string[] = [];
    for (const statement of statements) {
      let rows;
      try {
        rows = await session.query(statement);
      } catch (error) {
        // Snowflake answered and refused the statement (a disabled integration, say): the refresh failed for a reason of the platform's.
        if (error instanceof ServiceCallError || !callSiteOf(error)) throw error;
        return fail(`${statement} was refused: ${(error as Error).message}`, { evidence: [evidence('statements', statements), evidence('registered before the refusal', registered.slice(0, 50))] });
      }
      for (const row of rows) {
        const file = String(row.file ?? row.FILE ?? '');
        const status = String(row.status ?? row.STATUS ?? '');
        if (status.startsWith('REGISTERED')) registered.push(file);
        else if (status === 'UNREGISTERED') unregistered.push(file);
      }
    }
    return pass(`refreshed: ${registered.length} files registered, ${unregistered.length} unregistered`, {
      evidence: [evidence('statements', statements), evidence('registered', registered.slice(0, 50)), evidence('unregistered', unregistered.slice(0, 50))],
    });
  },
});
