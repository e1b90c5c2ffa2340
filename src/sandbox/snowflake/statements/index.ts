import { alterExternalTableRefresh } from './alter-external-table-refresh';
import { descStage } from './desc-stage';
import { descStorageIntegration } from './desc-storage-integration';
import { externalTableFiles } from './external-table-files';
import { externalTablePipeStatus } from './external-table-pipe-status';
import { alterSession } from './alter-session';
import { selectContextFunctions } from './context-functions';
import { selectSqlEngine } from './select-sql-engine';
import { showExternalTables } from './show-external-tables';
import type { StatementHandler } from './statement';
import { useStatement } from './use-statement';

export type { StatementContext, StatementHandler } from './statement';

/** The statements the simulated Snowflake understands, tried in order. */
export const statementHandlers: StatementHandler[] = [
  showExternalTables,
  descStorageIntegration,
  descStage,
  externalTablePipeStatus,
  externalTableFiles,
  alterExternalTableRefresh,
  useStatement,
  alterSession,
  selectContextFunctions,
  // Last: any other SELECT goes to the warehouse's SQL engine.
  selectSqlEngine,
];
