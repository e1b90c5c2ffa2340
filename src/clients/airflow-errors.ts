import { ServiceCallError, type CallProblem } from './service-error';

/** What an Airflow error status means for the caller. */
function problemOf(status: number): CallProblem {
  if (status === 401) return 'credentials';
  if (status === 403) return 'permission';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  return 'unexpected-response';
}

/** Raised when the Airflow API answers with an error status; `detail` is the API's own explanation. */
export class AirflowHttpError extends ServiceCallError {
  override name = 'AirflowHttpError';
  constructor(operation: string, status: number, readonly detail: string, options: { hint?: string; retryAfterMs?: number } = {}) {
    super('Airflow', operation, problemOf(status), `answered HTTP ${status}: ${detail || '(no detail)'}`, { status, ...options });
  }
}

/** Raised for 401 and 403: the credentials are missing, wrong, or lack the permission; the hint names what was sent and what to set. */
export class AirflowAuthError extends AirflowHttpError {
  override name = 'AirflowAuthError';
}

/** Raised for 404: the DAG, run, task or log does not exist (or this user cannot see it). */
export class AirflowNotFoundError extends AirflowHttpError {
  override name = 'AirflowNotFoundError';
}

/** Raised when the API cannot be reached at all (refused, DNS, TLS), does not answer in time, or cuts its answer short. */
export class AirflowUnreachableError extends ServiceCallError {
  override name = 'AirflowUnreachableError';
  constructor(operation: string, readonly url: string, words: string, options?: { cause?: unknown }) {
    super('Airflow', operation, 'unreachable', `${url}: ${words}`, options);
  }
}

/** Raised when a read-only client is asked to change something (a clear that is not a dry run). */
export class AirflowMutationBlockedError extends Error {
  override name = 'AirflowMutationBlockedError';
  constructor(readonly operation: string) {
    super(`${operation} changes state and is refused: checks are read-only; only an action run with --fix may change anything`);
  }
}
