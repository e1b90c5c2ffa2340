import type { StatementHandler } from './statement';

/**
 * Plain SELECT and WITH … SELECT queries, answered by the warehouse's SQL engine over the world's tables.
 * Registered last: every statement the sandbox simulates itself is matched first.
 */
export const selectSqlEngine: StatementHandler = {
  operation: 'SELECT',
  pattern: /^\s*(?:SELECT|WITH)\b/i,
  mutates: false,
  run: ({ sql, session, states }) =>
    states.warehouse.engine.query(sql.replace(/;\s*$/, ''), { database: session.database, schema: session.schema }),
};
