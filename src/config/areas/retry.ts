import { z } from 'zod';

/** How every client retries transient failures (throttling, 5xx, resets, bodies cut short): tries, backoff base and cap. */
export const retrySchema = z.strictObject({
  /** The most tries of one call, the first included (1 turns retries off). */
  attempts: z.number().int().min(1).max(10).default(3),
  /** The backoff base: retry n waits a random time up to baseMs × 2^(n-1) (full jitter). */
  baseMs: z.number().int().nonnegative().default(200),
  /** The longest single wait, also for a service's own `retry-after`: a longer one is not waited out. */
  maxDelayMs: z.number().int().nonnegative().default(5_000),
});

/** An environment's override of some retry settings. */
export const retryOverrideSchema = retrySchema.partial();

/** Retry settings. */
export type RetryConfig = z.infer<typeof retrySchema>;
