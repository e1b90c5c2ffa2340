import { budgetLeftMs } from './budget';
import { backoffDelay, type RetryPolicy } from './policy';

/** What the SDK's retry middleware tells a strategy about a failed attempt. */
interface RetryErrorInfo {
  error?: unknown;
  errorType: 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';
  retryAfterHint?: Date;
}

/** The SDK's retry token: how many retries so far, and the wait before the next attempt (the middleware sleeps it). */
class Token {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/**
 * Errors that are a timeout of the call: retrying would wait as long again (the run's breaker stops the others). The
 * SDK's HTTP handler also names a reset `TimeoutError`, with the socket's code: that one is retried.
 */
const isTimeout = (error: unknown) => {
  const { name = '', code } = (error ?? {}) as { name?: string; code?: string };
  return ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'].includes(name) && !['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes(code ?? '');
};

/**
 * The AWS SDK's retry strategy (its RetryStrategyV2 interface) with the run's policy: throttling and transient errors
 * (5xx, resets, cut-short bodies, as the SDK classes them) are retried with full-jitter backoff within the call's
 * budget; a timeout is not (its wait would repeat); client errors, expired credentials and unreadable answers never are.
 */
export function awsRetryStrategy(policy: RetryPolicy) {
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => new Token(0, 0),
    refreshRetryTokenForRetry: async (token: Token, info: RetryErrorInfo) => {
      const retries = token.getRetryCount() + 1;
      const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
      if (!retryable || retries >= policy.attempts || isTimeout(info.error)) throw new Error('No retry token available');
      const asked = info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - Date.now()) : undefined;
      if (asked !== undefined && asked > policy.maxDelayMs) throw new Error('No retry token available');
      const delay = backoffDelay(policy, retries, asked);
      if (delay >= budgetLeftMs()) throw new Error('No retry token available');
      return new Token(retries, delay);
    },
    recordSuccess: () => undefined,
  };
}
