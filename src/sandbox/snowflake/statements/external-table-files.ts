import { qualify } from '../names';
import { registeredFiles } from '../registrations';
import { objectDoesNotExist } from '../errors';
import type { StatementHandler } from './statement';

/** SELECT * FROM TABLE(INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES(TABLE_NAME => 'name')): the files in the table's metadata. */
export const externalTableFiles: StatementHandler = {
  operation: 'EXTERNAL_TABLE_FILES',
  pattern: /^SELECT\s+\*\s+FROM\s+TABLE\(\s*(?:[\w$"]+\.)?INFORMATION_SCHEMA\.EXTERNAL_TABLE_FILES\(\s*TABLE_NAME\s*=>\s*'([^']+)'\s*\)\s*\)\s*;?\s*$/i,
  mutates: false,
  run({ match, session, states }) {
    const name = qualify(match[1]!, session);
    const table = states.snowflake.externalTables.get(name);
    if (!table) throw objectDoesNotExist('Table', name);
    const rows = [...registeredFiles(table, states).entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, entry]) => [file, entry.registeredOn, entry.size, entry.lastModified, entry.etag, entry.etag]);
    return {
      columns: [
        { name: 'FILE_NAME', type: 'text' },
        { name: 'REGISTERED_ON', type: 'timestamp_ltz' },
        { name: 'FILE_SIZE', type: 'fixed' },
        { name: 'LAST_MODIFIED', type: 'timestamp_ltz' },
        { name: 'ETAG', type: 'text' },
        { name: 'MD5', type: 'text' },
      ],
      rows,
    };
  },
};
