/** How a call failed that tells of the service, not the call: it never answered, or nothing accepted the connection. */
export type BreakingFailure = 'hung' | 'refused';

const timeoutNames: ReadonlySet<string> = new Set(['TimeoutError', 'SnowflakeTimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const resetCodes: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Whether a call's failure means the service hung (no answer within the call's timeout) or refused the connection,
 * from the error and its causes; null for every other failure (an error answer, a reset, a body cut short).
 */
export function breakingFailure(error: unknown): BreakingFailure | null {
  let current = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const { name = '', code } = current as { name?: string; code?: string };
    if (name === 'ServiceHungError') return null;
    if (code === 'ECONNREFUSED') return 'refused';
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'hung';
    // The SDK's HTTP handler names a reset TimeoutError too, with the socket's code: a reset is not a hang.
    if (timeoutNames.has(name) && !resetCodes.has(code ?? '')) return 'hung';
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
