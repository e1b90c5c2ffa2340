import { randomUUID } from 'node:crypto';
import { header, type SandboxRequest } from '../core/http';
import type { SandboxService, ServiceEnv, ServiceReply } from '../core/service';
import type { SandboxStates } from '../states';
import { substituteBinds, type WireBinding } from './binds';
import { errorResponse, okResponse, queryResponse } from './protocol';
import { SqlError } from './errors';
import { loadSnowflakeState, type SnowflakeSessionInfo, type SnowflakeState } from './state';
import { statementHandlers } from './statements';

function readJson(request: SandboxRequest): Record<string, unknown> {
  try {
    return JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

function login(request: SandboxRequest, state: SnowflakeState): ServiceReply {
  const call = { operation: 'login', mutates: false };
  const data = (readJson(request).data ?? {}) as { LOGIN_NAME?: string; PASSWORD?: string };
  const user = (data.LOGIN_NAME ?? '').toUpperCase();
  const known = state.users[user];
  if (!known || known.password !== data.PASSWORD) {
    return { response: errorResponse({ code: '390100', sqlState: '08004', message: 'Incorrect username or password was specified.' }), call };
  }
  const query = request.url.searchParams;
  const token = randomUUID();
  const session: SnowflakeSessionInfo = {
    user,
    database: query.get('databaseName')?.toUpperCase() ?? null,
    schema: query.get('schemaName')?.toUpperCase() ?? null,
    warehouse: query.get('warehouse')?.toUpperCase() ?? null,
    role: query.get('roleName')?.toUpperCase() ?? 'SANDBOX_ROLE',
  };
  state.sessions.set(token, session);
  return {
    response: okResponse({
      token,
      masterToken: randomUUID(),
      validityInSeconds: 3600,
      masterValidityInSeconds: 14400,
      sessionId: Math.floor(Math.random() * 1e12),
      parameters: [],
      sessionInfo: { databaseName: session.database, schemaName: session.schema, warehouseName: session.warehouse, roleName: session.role },
    }),
    call,
  };
}

/** The session token of `Authorization: Snowflake Token="…"`, which the driver sends after login. */
function sessionToken(request: SandboxRequest): string | undefined {
  return /Snowflake Token="([^"]+)"/.exec(header(request, 'authorization') ?? '')?.[1];
}

function sessionOf(request: SandboxRequest, state: SnowflakeState): SnowflakeSessionInfo | undefined {
  const token = sessionToken(request);
  return token ? state.sessions.get(token) : undefined;
}

async function query(request: SandboxRequest, env: ServiceEnv<SandboxStates>): Promise<ServiceReply> {
  const state = env.states.snowflake;
  const session = sessionOf(request, state);
  const body = readJson(request) as { sqlText?: string; bindings?: Record<string, WireBinding> };
  const statement = (body.sqlText ?? '').trim();
  if (!session) {
    return { response: errorResponse({ code: '390112', sqlState: '08001', message: 'Your session has expired. Please login again.' }), call: { operation: 'query', statement, mutates: false } };
  }
  const sql = substituteBinds(statement, body.bindings);
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
  const word = sql.split(/\s+/, 2).join(' ');
  return {
    response: errorResponse(new SqlError(`SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${word}'. (The sandbox does not simulate this statement.)`, '001003', '42000')),
    call: { operation: 'unsupported statement', statement, mutates: false },
  };
}

/** The simulated Snowflake: the driver's login, query, telemetry and logout endpoints over HTTP. */
export const snowflakeService: SandboxService<SnowflakeState, SandboxStates> = {
  load: (section) => loadSnowflakeState(section),
  async handle(request, env) {
    const path = request.url.pathname;
    const state = env.states.snowflake;
    if (path === '/session/v1/login-request') return login(request, state);
    if (path === '/queries/v1/query-request') return query(request, env);
    if (path === '/session' && request.url.searchParams.get('delete') === 'true') {
      const token = sessionToken(request);
      if (token) state.sessions.delete(token);
      return { response: okResponse(), call: { operation: 'logout', mutates: false } };
    }
    if (path === '/telemetry/send' || path === '/session/heartbeat' || path === '/session/token-request' || /^\/queries\/[^/]+\/abort-request$/.test(path)) {
      return { response: okResponse(), call: { operation: path.split('/').pop()!, mutates: false } };
    }
    return { response: errorResponse({ code: '390400', sqlState: '08001', message: `The sandbox does not serve ${path}` }), call: { operation: 'unknown', mutates: false } };
  },
};
