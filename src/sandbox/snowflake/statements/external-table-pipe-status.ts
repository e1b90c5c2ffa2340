import { qualify } from '../names';
import { objectDoesNotExist, SqlError } from '../errors';
import type { StatementHandler } from './statement';

/** SELECT SYSTEM$EXTERNAL_TABLE_PIPE_STATUS('name'): the auto-refresh pipe's status as a JSON string. */
export const externalTablePipeStatus: StatementHandler = {
  operation: 'SYSTEM$EXTERNAL_TABLE_PIPE_STATUS',
  pattern: /^SELECT\s+SYSTEM\$EXTERNAL_TABLE_PIPE_STATUS\(\s*'([^']+)'\s*\)(?:\s+AS\s+("?[\w$]+"?))?\s*;?\s*$/i,
  mutates: false,
  run({ match, session, states }) {
    const name = qualify(match[1]!, session);
    const table = states.snowflake.externalTables.get(name);
    if (!table) throw objectDoesNotExist('Table', name);
    if (!table.notificationChannel) {
      throw new SqlError(`SQL compilation error:\nExternal table '${name}' is not configured for auto refresh.`, '091310', '22023');
    }
    const status = {
      executionState: table.pipe.executionState,
      pendingFileCount: 0,
      notificationChannelName: table.notificationChannel,
      numOutstandingMessagesOnChannel: 0,
      ...(table.pipe.lastReceivedMessage ? { lastReceivedMessageTimestamp: table.pipe.lastReceivedMessage } : {}),
      ...(table.pipe.error ? { error: table.pipe.error } : {}),
    };
    const column = match[2] ? match[2].replaceAll('"', '') : `SYSTEM$EXTERNAL_TABLE_PIPE_STATUS('${match[1]}')`;
    return { columns: [{ name: column, type: 'text' }], rows: [[JSON.stringify(status)]] };
  },
};
