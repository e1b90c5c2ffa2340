import { qualify } from '../names';
import { tableLocation } from '../registrations';
import type { StatementHandler } from './statement';

const likeToRegExp = (like: string) => new RegExp(`^${like.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');

/** SHOW EXTERNAL TABLES [LIKE '…'] [IN ACCOUNT | DATABASE d | SCHEMA d.s]: the real columns, with no auto_refresh column. */
export const showExternalTables: StatementHandler = {
  operation: 'SHOW EXTERNAL TABLES',
  pattern: /^SHOW\s+EXTERNAL\s+TABLES(?:\s+LIKE\s+'((?:[^']|'')*)')?(?:\s+IN\s+(ACCOUNT|DATABASE|SCHEMA)(?:\s+([\w$."]+))?)?\s*;?\s*$/i,
  mutates: false,
  run({ match, session, states }) {
    const [, like, scope, scopeName] = match;
    const filter = like === undefined ? null : likeToRegExp(like.replaceAll("''", "'"));
    let inScope = (_name: string) => true;
    if (scope?.toUpperCase() === 'DATABASE') {
      const database = (scopeName ?? session.database ?? '').replaceAll('"', '').toUpperCase();
      inScope = (name) => name.startsWith(`${database}.`);
    } else if (scope?.toUpperCase() === 'SCHEMA') {
      const schema = scopeName ? qualify(`${scopeName}.X`, session).replace(/\.X$/, '') : `${session.database}.${session.schema}`.toUpperCase();
      inScope = (name) => name.startsWith(`${schema}.`);
    } else if (!scope && session.database && session.schema) {
      const schema = `${session.database}.${session.schema}`.toUpperCase();
      inScope = (name) => name.startsWith(`${schema}.`);
    }
    const rows = [...states.snowflake.externalTables.values()]
      .filter((table) => inScope(table.name))
      .filter((table) => !filter || filter.test(table.name.split('.')[2]!))
      .map((table) => {
        const [database, schema, name] = table.name.split('.');
        return [
          new Date(table.createdOn), name, database, schema, false, null, 'SYSADMIN', '', table.stage, tableLocation(table, states).url,
          '', table.fileFormatType, 'AWS', states.snowflake.region, table.notificationChannel, table.lastRefreshedOn, 'NATIVE', null, 'ROLE',
        ];
      });
    return {
      columns: [
        { name: 'created_on', type: 'timestamp_ltz' }, { name: 'name', type: 'text' }, { name: 'database_name', type: 'text' },
        { name: 'schema_name', type: 'text' }, { name: 'invalid', type: 'boolean' }, { name: 'invalid_reason', type: 'text' },
        { name: 'owner', type: 'text' }, { name: 'comment', type: 'text' }, { name: 'stage', type: 'text' }, { name: 'location', type: 'text' },
        { name: 'file_format_name', type: 'text' }, { name: 'file_format_type', type: 'text' }, { name: 'cloud', type: 'text' },
        { name: 'region', type: 'text' }, { name: 'notification_channel', type: 'text' }, { name: 'last_refreshed_on', type: 'timestamp_ltz' },
        { name: 'table_format', type: 'text' }, { name: 'last_refresh_details', type: 'text' }, { name: 'owner_role_type', type: 'text' },
      ],
      rows,
    };
  },
};
