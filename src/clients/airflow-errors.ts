/** Raised when the Airflow API answers with an error status; `detail` is the API's own explanation. */
export class AirflowHttpError extends Error {
  override name = 'AirflowHttpError';
  constructor(readonly operation: string, readonly status: number, readonly detail: string) {
    super(`Airflow ${operation} answered HTTP ${status}: ${detail}`);
  }
}

/** Raised for 401 and 403: the credentials are missing, wrong, or lack the permission. */
export class AirflowAuthError extends AirflowHttpError {
  override name = 'AirflowAuthError';
}

/** Raised for 404: the DAG, run, task or log does not exist (or this user cannot see it). */
export class AirflowNotFoundError extends AirflowHttpError {
  override name = 'AirflowNotFoundError';
}

/** Raised when the API cannot be reached at all (refused, DNS, TLS) or does not answer in time. */
export class AirflowUnreachableError extends Error {
  override name = 'AirflowUnreachableError';
  constructor(readonly operation: string, readonly url: string, options?: { cause?: unknown }) {
    super(`Airflow ${operation}: ${url} could not be reached (${(options?.cause as Error | undefined)?.message ?? 'no answer'})`, options);
  }
}

/** Raised when a read-only client is asked to change something (a clear that is not a dry run). */
export class AirflowMutationBlockedError extends Error {
  override name = 'AirflowMutationBlockedError';
  constructor(readonly operation: string) {
    super(`${operation} changes state and is refused: checks are read-only; only an action run with --fix may change anything`);
  }
}
