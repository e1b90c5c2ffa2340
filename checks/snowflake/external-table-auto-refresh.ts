import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { eachExternalTable } from '../../src/diagnostics/snowflake/each-external-table';
import { isRunning, parsePipeStatus } from '../../src/diagnostics/snowflake/pipe-status';
import { sqlString } from '../../src/diagnostics/snowflake/sql-literal';

/** 3.3.3: each external table refreshes automatically: a notification channel is set and its pipe is running. */
export default defineCheck({
  id: 'external-table-auto-refresh',
  title: 'External table auto-refresh is on and its pipe runs',
  establishes: 'Each external table has AUTO_REFRESH on (a notification_channel is set) and SYSTEM$EXTERNAL_TABLE_PIPE_STATUS reports RUNNING.',
  kind: 'check',
  uses: ['snowflake:SHOW EXTERNAL TABLES', 'snowflake:SYSTEM$EXTERNAL_TABLE_PIPE_STATUS'],
  run: (ctx) =>
    eachExternalTable(ctx, async (table, session) => {
      const seen = [evidence('notification_channel', table.notificationChannel), evidence('last_refreshed_on', table.lastRefreshedOn)];
      if (!table.notificationChannel) {
        return fail(`auto-refresh is off: ${table.name} has no notification_channel, so S3 events reach no pipe (ALTER EXTERNAL TABLE … SET AUTO_REFRESH = TRUE)`, { evidence: seen });
      }
      const rows = await session.query(`SELECT SYSTEM$EXTERNAL_TABLE_PIPE_STATUS(${sqlString(table.name)})`);
      const status = parsePipeStatus(String(Object.values(rows[0] ?? {})[0] ?? ''));
      seen.push(evidence('pipe status', status.raw));
      if (!isRunning(status)) {
        return fail(`the auto-refresh pipe of ${table.name} is ${status.executionState}, not RUNNING${status.error ? `: ${status.error}` : ''}`, { evidence: seen });
      }
      if (status.notificationChannelName && status.notificationChannelName !== table.notificationChannel) {
        return warn(`the pipe listens on ${status.notificationChannelName}, not the table's channel ${table.notificationChannel}`, { evidence: seen });
      }
      if (status.error) return warn(`the pipe runs but reports an error: ${status.error}`, { evidence: seen });
      return pass(`auto-refresh is on and the pipe is RUNNING (last message ${status.lastReceivedMessageTimestamp ?? 'never'})`, { evidence: seen });
    }),
});
