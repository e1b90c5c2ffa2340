import { z } from 'zod';
import type { AirflowOperation } from '../call';
import { reply } from '../replies';

const credentials = z.object({ username: z.string(), password: z.string() });

/** `POST /auth/token` (Airflow 3's OAuth2 password flow, the spec's `tokenUrl`): a username and password for an access token. */
export const issueToken: AirflowOperation = (call) => {
  const operation = 'CreateToken';
  let raw: unknown;
  try {
    raw = JSON.parse(call.request.body.toString('utf8') || '{}');
  } catch {
    return reply(400, { detail: 'the body is not JSON' }, operation);
  }
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return reply(422, { detail: parsed.error.issues.map((i) => ({ type: 'missing', loc: ['body', ...i.path.map(String)], msg: i.message, input: raw })) }, operation);
  const known = call.state.users[parsed.data.username];
  if (!known || known.password !== parsed.data.password || !call.state.tokens[0]) return reply(401, { detail: 'Invalid credentials' }, operation);
  return reply(201, { access_token: call.state.tokens[0] }, operation);
};
