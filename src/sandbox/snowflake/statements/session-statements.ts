import { normalizePart } from '../names';
import type { StatementHandler } from './statement';

const statusColumn = [{ name: 'status', type: 'text' as const }];

/** USE DATABASE / SCHEMA / WAREHOUSE / ROLE: changes the session's context. */
export const useStatement: StatementHandler = {
  operation: 'USE',
  pattern: /^USE\s+(DATABASE|SCHEMA|WAREHOUSE|ROLE)\s+([\w$."]+)\s*;?\s*$/i,
  mutates: false,
  run({ match, session }) {
    const kind = match[1]!.toUpperCase();
    const parts = match[2]!.split('.').map(normalizePart);
    if (kind === 'DATABASE') session.database = parts[0]!;
    if (kind === 'SCHEMA') {
      if (parts.length === 2) [session.database, session.schema] = parts as [string, string];
      else session.schema = parts[0]!;
    }
    if (kind === 'WAREHOUSE') session.warehouse = parts[0]!;
    if (kind === 'ROLE') session.role = parts[0]!;
    return { columns: statusColumn, rows: [['Statement executed successfully.']] };
  },
};

/** ALTER SESSION SET …: accepted and ignored, as drivers send it on connect. */
export const alterSession: StatementHandler = {
  operation: 'ALTER SESSION',
  pattern: /^ALTER\s+SESSION\s+(?:UN)?SET\s+/i,
  mutates: false,
  run: () => ({ columns: statusColumn, rows: [['Statement executed successfully.']] }),
};

/** SELECT of session functions and constants (`SELECT 1`, `SELECT CURRENT_VERSION()`): what connectivity checks send. */
export const selectSessionFunction: StatementHandler = {
  operation: 'SELECT session function',
  pattern: /^SELECT\s+(1|CURRENT_VERSION\(\)|CURRENT_ACCOUNT\(\)|CURRENT_USER\(\)|CURRENT_ROLE\(\)|CURRENT_DATABASE\(\)|CURRENT_SCHEMA\(\)|CURRENT_WAREHOUSE\(\)|CURRENT_REGION\(\))(?:\s+AS\s+([\w$]+))?\s*;?\s*$/i,
  mutates: false,
  run({ match, session, states }) {
    const expression = match[1]!.toUpperCase();
    const values: Record<string, string | number | null> = {
      '1': 1,
      'CURRENT_VERSION()': '9.30.1',
      'CURRENT_ACCOUNT()': 'SANDBOX',
      'CURRENT_USER()': session.user,
      'CURRENT_ROLE()': session.role,
      'CURRENT_DATABASE()': session.database,
      'CURRENT_SCHEMA()': session.schema,
      'CURRENT_WAREHOUSE()': session.warehouse,
      'CURRENT_REGION()': `AWS_${states.snowflake.region.toUpperCase().replaceAll('-', '_')}`,
    };
    const value = values[expression] ?? null;
    return { columns: [{ name: match[2] ?? expression, type: typeof value === 'number' ? 'fixed' : 'text' }], rows: [[value]] };
  },
};
