import { qualify } from '../names';
import { refreshTable } from '../registrations';
import { objectDoesNotExist, SqlError } from '../errors';
import { stageAccessProblem } from '../../work/stage-access';
import type { StatementHandler } from './statement';

/** ALTER EXTERNAL TABLE name REFRESH ['subpath']: registers new files and drops removed ones. */
export const alterExternalTableRefresh: StatementHandler = {
  operation: 'ALTER EXTERNAL TABLE REFRESH',
  pattern: /^ALTER\s+EXTERNAL\s+TABLE\s+(?:IF\s+EXISTS\s+)?([\w$."]+)\s+REFRESH(?:\s+'([^']*)')?\s*;?\s*$/i,
  mutates: true,
  run({ match, session, states, now }) {
    const name = qualify(match[1]!, session);
    const table = states.snowflake.externalTables.get(name);
    if (!table) throw objectDoesNotExist('Table', name);
    const unreadable = stageAccessProblem(states, table.stage);
    if (unreadable) throw new SqlError(unreadable, '091003', '22000');
    const lines = refreshTable(table, states, now, match[2] ?? '');
    return {
      columns: [
        { name: 'file', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'description', type: 'text' },
      ],
      rows: lines.map((line) => [line.file, line.status, line.description]),
    };
  },
};
