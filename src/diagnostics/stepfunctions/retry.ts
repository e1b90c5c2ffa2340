import type { Retrier, TaskState } from './definition';

/** Error names that cover transient failures: throttling, timeouts, service hiccups, concurrency limits. */
export const transientErrors: readonly RegExp[] = [
  /^States\.ALL$/,
  /^States\.Timeout$/,
  /^States\.TaskFailed$/,
  /^[\w]+\.(AWS\w*Exception|SdkClientException|ServiceException|ThrottlingException|TooManyRequestsException|ConcurrentRunsExceededException|InternalServiceException|ServiceUnavailableException)$/,
  /^Lambda\.(ServiceException|AWSLambdaException|SdkClientException|TooManyRequestsException)$/,
];

/** How a Task state handles transient failures; `via` names the Map or Parallel state whose Retry covers it, when its own does not. */
export type RetryVerdict =
  | { state: string; path: string; kind: 'covered'; errors: string[]; via?: string }
  | { state: string; path: string; kind: 'no-retry' }
  | { state: string; path: string; kind: 'no-transient'; errors: string[] };

const activeErrors = (retry: readonly Retrier[]) => retry.filter((r) => r.maxAttempts > 0).flatMap((r) => r.errorEquals);
const transientOf = (errors: readonly string[]) => errors.filter((error) => transientErrors.some((pattern) => pattern.test(error)));

/**
 * Judges each Task state's Retry: none, only non-transient errors, or transient errors covered (with
 * MaxAttempts > 0). A Retry on an enclosing Map or Parallel covers the task too: a failure inside
 * reaches it and it runs again (nearest enclosing first).
 */
export function judgeRetries(tasks: readonly TaskState[]): RetryVerdict[] {
  return tasks.map((task) => {
    const own = activeErrors(task.retry);
    if (transientOf(own).length) return { state: task.name, path: task.path, kind: 'covered', errors: transientOf(own) };
    for (const outer of [...task.enclosing].reverse()) {
      const covered = transientOf(activeErrors(outer.retry));
      if (covered.length) return { state: task.name, path: task.path, kind: 'covered', errors: covered, via: `${outer.type} ${outer.state}` };
    }
    return own.length ? { state: task.name, path: task.path, kind: 'no-transient', errors: own } : { state: task.name, path: task.path, kind: 'no-retry' };
  });
}
