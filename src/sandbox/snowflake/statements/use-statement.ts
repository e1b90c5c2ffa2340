import { normalizePart } from '../names';
import { statementExecuted } from './status';
import type { StatementHandler } from './statement';

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
    return statementExecuted();
  },
};
