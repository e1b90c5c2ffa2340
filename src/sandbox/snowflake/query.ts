import type { SandboxRequest } from '../core/http';
import type { ServiceEnv, ServiceReply } from '../core/service';
import type { SandboxStates } from '../states';
import { substituteBinds } from './binds';
import { SqlError, syntaxError } from './errors';
import { errorResponse, queryResponse } from './protocol';
import { queryBodySchema } from './query-body';
import { statementHandlers } from './statements';
import { readJson, sessionToken } from './wire-request';

/** The first words of Snowflake commands: a statement that starts with one is valid SQL the sandbox does not simulate. */
const snowflakeCommands = new Set([
  'ALTER', 'BEGIN', 'CALL', 'COMMENT', 'COMMIT', 'COPY', 'CREATE', 'DELETE', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'GET', 'GRANT',
  'INSERT', 'LIST', 'LS', 'MERGE', 'PUT', 'REMOVE', 'REVOKE', 'ROLLBACK', 'SET', 'SHOW', 'TRUNCATE', 'UNDROP', 'UNSET', 'UPDATE', 'USE',
]);

/** The answer to a statement no handler matched: Snowflake's syntax error at its first word. */
function unmatched(sql: string): SqlError {
  const word = /^[^\s(;]+/.exec(sql)?.[0] ?? '<EOF>';
  const error = syntaxError(1, 0, word);
  if (!snowflakeCommands.has(word.toUpperCase())) return error;
  return new SqlError(`${error.message} (The sandbox does not simulate this statement.)`, error.code, error.sqlState);
}

/** `POST /queries/v1/query-request`: runs one statement of a logged-in session, with its bind values. */
export async function query(request: SandboxRequest, env: ServiceEnv<SandboxStates>): Promise<ServiceReply> {
  const state = env.states.snowflake;
  const token = sessionToken(request);
  const session = token ? state.sessions.get(token) : undefined;
  const raw = readJson(request);
  const parsed = queryBodySchema.safeParse(raw);
  const statement = typeof raw.sqlText === 'string' ? raw.sqlText.trim() : '';
  if (!session) {
    return { response: errorResponse({ code: '390112', sqlState: '08001', message: 'Your session has expired. Please login again.' }), call: { operation: 'query', statement, mutates: false } };
  }
  if (statement === '') {
    // What Snowflake answers for a request without a statement to run.
    return { response: errorResponse(new SqlError('Empty SQL statement.', '000900', '42601')), call: { operation: 'query', statement, mutates: false } };
  }
  if (!parsed.success) {
    const name = String(parsed.error.issues.find((i) => i.path[0] === 'bindings')?.path[1] ?? '?');
    return { response: errorResponse(new SqlError(`SQL compilation error:\nBind variable :${name} not set.`, '002049', '42601')), call: { operation: 'query', statement, mutates: false } };
  }
  const sql = substituteBinds(statement, parsed.data.bindings);
  for (const handler of statementHandlers) {
    const match = handler.pattern.exec(sql);
    if (!match) continue;
    const call = { operation: handler.operation, statement, mutates: handler.mutates };
    try {
      const result = await handler.run({ match, sql, session, states: env.states, now: env.clock.now() });
      return { response: queryResponse(result, session), call };
    } catch (error) {
      if (error instanceof SqlError) return { response: errorResponse(error), call };
      throw error;
    }
  }
  return { response: errorResponse(unmatched(sql)), call: { operation: 'unsupported statement', statement, mutates: false } };
}
