import { header, type SandboxRequest } from '../core/http';
import type { AirflowState } from './state';
import type { ApiVersion } from './wire';

/** Why a request is not authenticated, or null when it is. */
export function authProblem(request: SandboxRequest, state: AirflowState, version: ApiVersion): string | null {
  const authorization = header(request, 'authorization') ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (bearer) return state.tokens.includes(bearer) ? null : 'Invalid or expired token';
  const basic = /^Basic\s+(.+)$/i.exec(authorization)?.[1];
  if (basic) {
    if (version === 'v2') return 'Not authenticated: /api/v2 accepts bearer tokens only';
    const [user = '', ...rest] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return state.users[user]?.password === rest.join(':') ? null : 'Invalid credentials';
  }
  return 'Not authenticated';
}
