import { createHash } from 'node:crypto';
import type { CallTrace } from '../../clients/call-trace';
import type { SandboxRequest } from '../core/http';

/**
 * What identifies one call across its attempts, for faults that count per call: the trace a traced client sends
 * (the same on every retry of the call), else the method, path and body (query strings carry request ids that change).
 */
export function callKey(request: SandboxRequest, trace: CallTrace | undefined): string {
  if (trace) return `trace ${trace.id}`;
  return `${request.method} ${request.url.pathname} ${createHash('sha1').update(request.body).digest('hex')}`;
}
