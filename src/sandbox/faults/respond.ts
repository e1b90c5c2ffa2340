import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from '../core/http';
import type { FaultDecision } from './plan';
import { protocolFaultResponse } from './wire-errors';

/** The call a fault hits: its service key and operation, which decide the wire shape of a protocol's own errors. */
export interface FaultedCall {
  service: string;
  operation: string;
}

/** The page a sign-in proxy shows in place of an API's answer. */
const signInPage = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login" method="post"><h1>Sign in to continue</h1><input name="username"><input name="password" type="password"></form></body></html>';

function bodyOf(response: SandboxResponse): Buffer {
  if (!response.body) return Buffer.alloc(0);
  return Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
}

/** What replaces the answer for the faults that still send one; null for those that break the connection. */
function faultyResponse(response: SandboxResponse, effect: NonNullable<FaultDecision['effect']>, call: FaultedCall): SandboxResponse | null {
  const body = bodyOf(response);
  switch (effect.kind) {
    case 'empty-body':
      return { status: 200, headers: response.headers ?? {}, body: '' };
    case 'html-page':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: signInPage };
    case 'malformed-body':
      return { status: response.status, headers: response.headers ?? {}, body: body.subarray(0, Math.floor(body.length / 2)) };
    case 'status':
      return { status: effect.status, headers: effect.headers, body: effect.body };
    case 'throttle':
    case 'expired-credentials':
      return protocolFaultResponse(call.service, call.operation, response, effect);
    case 'truncated-body':
    case 'reset':
    case 'hang':
      return null;
  }
}

/** Sends an answer through the faults decided for it: after its latency, replaced, cut short, reset or never. */
export async function sendWithFaults(outgoing: ServerResponse, response: SandboxResponse, decision: FaultDecision, head: boolean, call: FaultedCall = { service: 'unknown', operation: 'unknown' }): Promise<void> {
  if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
  const effect = decision.effect;
  if (effect?.kind === 'hang') return;
  if (effect?.kind === 'reset') {
    outgoing.socket?.resetAndDestroy?.() ?? outgoing.destroy();
    return;
  }
  const answer = effect ? (faultyResponse(response, effect, call) ?? response) : response;
  const body = bodyOf(answer);
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
  if (effect?.kind === 'truncated-body') {
    outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => outgoing.destroy());
    return;
  }
  outgoing.end(head ? undefined : body);
}
