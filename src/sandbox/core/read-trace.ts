import { decodeTrace, traceHeader, type CallTrace } from '../../clients/call-trace';
import { header, type SandboxRequest } from './http';

/** The Snowflake driver's bodies that can carry a trace: a login's application name, a statement's query tag. */
type DriverBody = { data?: { CLIENT_ENVIRONMENT?: { APPLICATION?: string } }; parameters?: { QUERY_TAG?: string } };

/** The trace a traced client sent with a request: its header, or for the Snowflake driver the tag in its JSON body. */
export function readTrace(request: SandboxRequest): CallTrace | undefined {
  const sent = header(request, traceHeader);
  if (sent) return decodeTrace(sent);
  if (!/^\/(session\/v1\/login-request|queries\/v1\/query-request)/.test(request.url.pathname) || !request.body.includes('rt_')) return undefined;
  try {
    const body = JSON.parse(request.body.toString('utf8')) as DriverBody;
    return decodeTrace(body.parameters?.QUERY_TAG ?? body.data?.CLIENT_ENVIRONMENT?.APPLICATION);
  } catch {
    return undefined;
  }
}
