import { normalizePart } from '../names';
import type { Cell, Column, ColumnType } from '../result-set';
import { snowflakeServerVersion } from '../server-version';
import type { StatementContext, StatementHandler } from './statement';

/** A context function's value and Snowflake type in a session. */
type ContextValue = (context: StatementContext) => [Cell, ColumnType];

const text = (value: string | null): [Cell, ColumnType] => [value, 'text'];

/** The context functions Snowflake offers, by name: what a drill or a connectivity check asks first. */
const contextFunctions: Record<string, ContextValue> = {
  CURRENT_ACCOUNT: ({ session }) => text(session.account),
  CURRENT_ACCOUNT_NAME: ({ session }) => text(session.account),
  CURRENT_USER: ({ session }) => text(session.user),
  CURRENT_ROLE: ({ session }) => text(session.role),
  CURRENT_DATABASE: ({ session }) => text(session.database),
  CURRENT_SCHEMA: ({ session }) => text(session.schema),
  CURRENT_WAREHOUSE: ({ session }) => text(session.warehouse),
  CURRENT_REGION: ({ states }) => text(`AWS_${states.snowflake.region.toUpperCase().replaceAll('-', '_')}`),
  CURRENT_VERSION: () => text(snowflakeServerVersion),
  CURRENT_TIMESTAMP: ({ now }) => [now, 'timestamp_ltz'],
  CURRENT_DATE: ({ now }) => [now, 'date'],
};

const functionCall = `(?:${Object.keys(contextFunctions).join('|')})\\s*\\(\\s*\\)`;
/** One select-list item: a context function (CURRENT_TIMESTAMP and CURRENT_DATE also bare) or an integer, with an optional alias. */
const itemSource = `(?:${functionCall}|CURRENT_TIMESTAMP|CURRENT_DATE|\\d+)(?:\\s+(?:AS\\s+)?(?!FROM\\b|WHERE\\b)(?:"(?:[^"]|"")+"|[A-Za-z_][\\w$]*))?`;
const item = /^\s*(?<expression>[A-Za-z_]+(?:\s*\(\s*\))?|\d+)(?:\s+(?:AS\s+)?(?<alias>"(?:[^"]|"")+"|[A-Za-z_][\w$]*))?\s*$/i;

/** One column of the answer: its name (the alias, or the expression as Snowflake prints it) and value. */
function column(source: string, context: StatementContext): { column: Column; value: Cell } {
  const { expression, alias } = item.exec(source)!.groups as { expression: string; alias?: string };
  const call = expression.replace(/\s+/g, '').toUpperCase();
  const name = alias ? normalizePart(alias) : call;
  if (/^\d+$/.test(call)) return { column: { name, type: 'fixed' }, value: Number(call) };
  const [value, type] = contextFunctions[call.replace('()', '')]!(context);
  return { column: { name, type }, value };
}

/**
 * SELECT of context functions, and integers beside them (`SELECT 1, CURRENT_USER(), CURRENT_ROLE() AS r`):
 * the session's account, user, role, database, schema, warehouse, region, version and the time. A select
 * list of literals alone goes to the SQL engine.
 */
export const selectContextFunctions: StatementHandler = {
  operation: 'SELECT context function',
  pattern: new RegExp(`^(?=[\\s\\S]*\\bCURRENT_)SELECT\\s+${itemSource}(?:\\s*,\\s*${itemSource})*\\s*;?\\s*$`, 'i'),
  mutates: false,
  run(context) {
    const list = context.sql.replace(/^SELECT\s+/i, '').replace(/\s*;?\s*$/, '');
    const columns = list.split(',').map((source) => column(source, context));
    return { columns: columns.map((c) => c.column), rows: [columns.map((c) => c.value)] };
  },
};
