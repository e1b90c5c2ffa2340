import { describe, expect, it } from 'vitest';
import { ServiceCallError, UnexpectedResponseError } from '../service-error';
import { withCallBudget } from './budget';
import { backoffDelay } from './policy';
import { isRetryable } from './retryable';
import { withRetry } from './with-retry';

const policy = { attempts: 3, baseMs: 10, maxDelayMs: 1_000 };
const throttled = () => new ServiceCallError('GitHub', 'GET /x', 'throttled', 'rate-limited');

/** An attempt that fails with the given errors in turn, then answers. */
function flaky(errors: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (errors.length) throw errors.shift();
    return 'answer';
  };
  return { attempt, calls: () => calls };
}

describe('backoffDelay', () => {
  it('is full jitter: between 0 and base × 2^(n-1), capped, and keeps a longer wait the service asked for', () => {
    expect(backoffDelay(policy, 1, undefined, () => 0.999)).toBe(9);
    expect(backoffDelay(policy, 3, undefined, () => 0.5)).toBe(20);
    expect(backoffDelay(policy, 20, undefined, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 1, undefined, () => 0)).toBe(0);
    expect(backoffDelay(policy, 1, 500, () => 0)).toBe(500);
    expect(backoffDelay(policy, 1, 5_000, () => 0)).toBe(1_000);
  });
});

describe('withRetry', () => {
  it('retries a transient failure and returns the answer of the attempt that succeeds', async () => {
    const call = flaky([throttled(), new ServiceCallError('Airflow', 'GetDagRuns', 'unavailable', 'HTTP 503')]);
    expect(await withRetry(policy, call.attempt)).toBe('answer');
    expect(call.calls()).toBe(3);
  });

  it('gives up after the policy’s attempts, with the last error as it was', async () => {
    const last = throttled();
    const call = flaky([throttled(), throttled(), last]);
    await expect(withRetry(policy, call.attempt)).rejects.toBe(last);
    expect(call.calls()).toBe(3);
  });

  it('never retries credentials, unreadable answers or timeouts', async () => {
    for (const error of [
      new ServiceCallError('GitHub', 'GET /x', 'credentials', 'expired'),
      new UnexpectedResponseError('S3', 'GetObject', 'not-json', 'XML', 'HTML', 'a sign-in page'),
      new ServiceCallError('Snowflake', 'query', 'unreachable', 'no answer', { cause: Object.assign(new Error('late'), { name: 'TimeoutError' }) }),
    ]) {
      const call = flaky([error]);
      await expect(withRetry(policy, call.attempt)).rejects.toBe(error);
      expect(call.calls()).toBe(1);
    }
  });

  it('does not wait for a retry-after longer than the longest wait, nor past the budget', async () => {
    const long = new ServiceCallError('GitHub', 'GET /x', 'throttled', 'rate-limited', { retryAfterMs: 60_000 });
    const call = flaky([long]);
    await expect(withRetry(policy, call.attempt)).rejects.toBe(long);
    const asked = new ServiceCallError('GitHub', 'GET /x', 'throttled', 'rate-limited', { retryAfterMs: 500 });
    const inBudget = flaky([asked]);
    await expect(withCallBudget(Date.now() + 100, () => withRetry(policy, inBudget.attempt))).rejects.toBe(asked);
    expect(inBudget.calls()).toBe(1);
  });

  it('retries a reset that the SDK’s handler names TimeoutError, but not a timeout', () => {
    const reset = new ServiceCallError('S3', 'GetObject', 'unreachable', 'reset', { cause: Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }) });
    expect(isRetryable(reset)).toBe(true);
  });
});
