/** How calls are retried: at most `attempts` tries, with exponential backoff from `baseMs`, each wait capped at `maxDelayMs`. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxDelayMs: number;
}

/** The policy when the configuration names none: three tries, waits of up to 0.2 s, 0.4 s… never more than 5 s. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseMs: 200, maxDelayMs: 5_000 };

/**
 * The wait before retry number `retry` (1 for the first retry): exponential backoff with full jitter, a random
 * time between 0 and `baseMs × 2^(retry-1)` capped at `maxDelayMs`; a longer wait the service asked for is kept if within the cap.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, policy.maxDelayMs));
}
