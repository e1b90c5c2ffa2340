import type { SandboxStates } from '../../states';
import type { ResultSet } from '../result-set';
import type { SnowflakeSessionInfo } from '../state';

/** What a statement handler gets: the matched SQL, the session, every service's state and the time. */
export interface StatementContext {
  match: RegExpExecArray;
  sql: string;
  session: SnowflakeSessionInfo;
  states: SandboxStates;
  now: Date;
}

/** A statement the simulated Snowflake understands, recognised by its pattern. */
export interface StatementHandler {
  /** The operation name in the call log (`SHOW EXTERNAL TABLES`). */
  operation: string;
  pattern: RegExp;
  mutates: boolean;
  run(context: StatementContext): ResultSet | Promise<ResultSet>;
}
