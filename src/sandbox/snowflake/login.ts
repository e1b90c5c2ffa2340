import { randomInt, randomUUID } from 'node:crypto';
import type { SandboxRequest } from '../core/http';
import type { ServiceReply } from '../core/service';
import { errorResponse, okResponse } from './protocol';
import { snowflakeServerVersion } from './server-version';
import { newSessionParameters, parameterList } from './session-parameters';
import type { SnowflakeSessionInfo, SnowflakeState } from './state';
import { readJson } from './wire-request';

/** The login request's `data`, as every driver sends it (names in upper case). */
interface LoginData {
  ACCOUNT_NAME?: unknown;
  LOGIN_NAME?: unknown;
  PASSWORD?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * `POST /session/v1/login-request`: checks the user's password and opens a session, answering with the
 * fields a real login carries (tokens, server version, session id, session parameters, session info).
 */
export function login(request: SandboxRequest, state: SnowflakeState): ServiceReply {
  const call = { operation: 'login', mutates: false };
  const body = readJson(request);
  const data = (body.data && typeof body.data === 'object' ? body.data : {}) as LoginData;
  const user = (text(data.LOGIN_NAME) ?? '').toUpperCase();
  const known = state.users[user];
  if (!known || known.password !== text(data.PASSWORD)) {
    return { response: errorResponse({ code: '390100', sqlState: '08004', message: 'Incorrect username or password was specified.' }), call };
  }
  const query = request.url.searchParams;
  const token = randomUUID();
  const session: SnowflakeSessionInfo = {
    account: (text(data.ACCOUNT_NAME) ?? 'SANDBOX').toUpperCase(),
    user,
    database: query.get('databaseName')?.toUpperCase() ?? null,
    schema: query.get('schemaName')?.toUpperCase() ?? null,
    warehouse: query.get('warehouse')?.toUpperCase() ?? null,
    role: query.get('roleName')?.toUpperCase() ?? 'SANDBOX_ROLE',
    parameters: newSessionParameters(),
  };
  state.sessions.set(token, session);
  return {
    response: okResponse({
      masterToken: randomUUID(),
      token,
      validityInSeconds: 3600,
      masterValidityInSeconds: 14400,
      displayUserName: user,
      serverVersion: snowflakeServerVersion,
      firstLogin: false,
      remMeToken: null,
      remMeValidityInSeconds: 0,
      healthCheckInterval: 45,
      newClientForUpgrade: null,
      sessionId: randomInt(1, 2 ** 47),
      parameters: parameterList(session.parameters),
      sessionInfo: { databaseName: session.database, schemaName: session.schema, warehouseName: session.warehouse, roleName: session.role },
      idToken: null,
      idTokenValidityInSeconds: 0,
      responseData: null,
    }),
    call,
  };
}
