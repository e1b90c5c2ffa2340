import type { ServiceHandler } from '../core/service';
import type { SandboxStates } from '../states';
import { login } from './login';
import { errorResponse, okResponse } from './protocol';
import { query } from './query';
import { sessionToken } from './wire-request';

/** Paths the driver calls that need no more than a plain success. */
const acknowledged = (path: string) =>
  path === '/telemetry/send' || path === '/session/heartbeat' || path === '/session/token-request' || /^\/queries\/[^/]+\/abort-request$/.test(path);

/** The simulated Snowflake: the driver's login, query, telemetry and logout endpoints over HTTP. */
export const handler: ServiceHandler<SandboxStates> = {
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
    if (acknowledged(path)) return { response: okResponse(), call: { operation: path.split('/').pop()!, mutates: false } };
    return { response: errorResponse({ code: '390400', sqlState: '08001', message: `The sandbox does not serve ${path}` }), call: { operation: 'unknown', mutates: false } };
  },
};
