import { ServiceCallError } from '../service-error';

/** Errors that say the call got no answer in time: waiting again would cost another timeout, so they are never retried. */
const timeoutNames: ReadonlySet<string> = new Set(['TimeoutError', 'SnowflakeTimeoutError', 'ServiceHungError', 'CheckTimeoutError']);

function timedOut(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { name = '', code } = current as { name?: string; code?: string };
    // The SDK's HTTP handler names a reset `TimeoutError` too, with the socket's code: a reset is retried.
    if (timeoutNames.has(name) && !['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes(code ?? '')) return true;
  }
  return false;
}

/** True when a later attempt may succeed: a throttle, a 5xx, a reset or a body cut short; never credentials, unreadable answers or timeouts. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ServiceCallError && error.transient && !timedOut(error);
}
