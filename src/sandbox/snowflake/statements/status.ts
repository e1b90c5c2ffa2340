import type { ResultSet } from '../result-set';

/** The one-row `status` result Snowflake gives for a statement that returns no data. */
export function statementExecuted(): ResultSet {
  return { columns: [{ name: 'status', type: 'text' }], rows: [['Statement executed successfully.']] };
}
