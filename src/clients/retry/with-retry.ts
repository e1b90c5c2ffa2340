import { budgetLeftMs } from './budget';
import { backoffDelay, type RetryPolicy } from './policy';
import { isRetryable } from './retryable';

/** What the loop needs to know about a failure: whether to try again, and how long the service asked to wait. */
export interface RetryJudge {
  retryable(error: unknown): boolean;
  retryAfterMs(error: unknown): number | undefined;
}

/** The judge for errors the clients raise: ServiceCallError's `transient`, and the wait it carries. */
export const serviceErrorJudge: RetryJudge = {
  retryable: isRetryable,
  retryAfterMs: (error) => (error as { retryAfterMs?: number }).retryAfterMs,
};

/** Waits `ms`, or less if `signal` aborts; the timer never keeps the process alive. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    timer.unref?.();
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, its error is not retryable, `policy.attempts` are used, or the next wait would
 * pass the current budget (the check's timeout, the run's deadline) or the longest wait the policy allows; then the
 * last error is thrown as it was.
 */
export async function withRetry<T>(policy: RetryPolicy, attempt: (attemptNumber: number) => Promise<T>, options: { judge?: RetryJudge; signal?: AbortSignal } = {}): Promise<T> {
  const judge = options.judge ?? serviceErrorJudge;
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      if (number >= policy.attempts || !judge.retryable(error) || options.signal?.aborted) throw error;
      const asked = judge.retryAfterMs(error);
      if (asked !== undefined && asked > policy.maxDelayMs) throw error;
      const delay = backoffDelay(policy, number, asked);
      if (delay >= budgetLeftMs()) throw error;
      await sleep(delay, options.signal);
    }
  }
}
