import type { TaskState } from './definition';

/** Error names that cover transient failures: throttling, timeouts, service hiccups, concurrency limits. */
export const transientErrors: readonly RegExp[] = [
  /^States\.ALL$/,
  /^States\.Timeout$/,
  /^States\.TaskFailed$/,
  /^[\w]+\.(AWS\w*Exception|SdkClientException|ServiceException|ThrottlingException|TooManyRequestsException|ConcurrentRunsExceededException|InternalServiceException|ServiceUnavailableException)$/,
  /^Lambda\.(ServiceException|AWSLambdaException|SdkClientException|TooManyRequestsException)$/,
];

/** How a Task state handles transient failures. */
export type RetryVerdict = { state: string; path: string; kind: 'covered'; errors: string[] } | { state: string; path: string; kind: 'no-retry' } | { state: string; path: string; kind: 'no-transient'; errors: string[] };

/** Judges each Task state's Retry: none, only non-transient errors, or transient errors covered (with MaxAttempts > 0). */
export function judgeRetries(tasks: readonly TaskState[]): RetryVerdict[] {
  return tasks.map((task) => {
    const active = task.retry.filter((r) => r.maxAttempts > 0);
    if (active.length === 0) return { state: task.name, path: task.path, kind: 'no-retry' };
    const errors = active.flatMap((r) => r.errorEquals);
    const transient = errors.filter((error) => transientErrors.some((pattern) => pattern.test(error)));
    return transient.length ? { state: task.name, path: task.path, kind: 'covered', errors: transient } : { state: task.name, path: task.path, kind: 'no-transient', errors };
  });
}
