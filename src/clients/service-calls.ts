/** One call a client made to a service, as `--verbose` shows it. */
export interface ServiceCall {
  /** The client's service: `s3`, `sfn`, `glue`, `logs`, `iam`, `dynamodb`, `snowflake`, `airflow`, `github`, `dbt`. */
  service: string;
  /** What was asked: an AWS operation (`ListObjectsV2`), a statement's start, a REST route, a command line. */
  operation: string;
  durationMs: number;
  outcome: 'ok' | 'error';
  /** For a failed call: the error's name, with the HTTP status when the service answered one. */
  error?: string;
}

/** Told of every service call as it ends, success or failure. It must not throw; if it does, the call is unaffected. */
export type ServiceCallListener = (call: ServiceCall) => void;

/** The error of a failed call in a few words: its name and, when known, its HTTP status or code. */
export function describeCallError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = error as { $metadata?: { httpStatusCode?: number }; status?: unknown; code?: unknown };
  const status = meta.$metadata?.httpStatusCode ?? (typeof meta.status === 'number' ? meta.status : undefined) ?? (typeof meta.code === 'string' ? meta.code : undefined);
  return status === undefined ? error.name : `${error.name} (${status})`;
}

function tell(listener: ServiceCallListener, call: ServiceCall): void {
  try {
    listener(call);
  } catch {
    // a broken listener never breaks a check
  }
}

/** Runs one service call, timing it and telling the listener (when there is one) how it ended; the result or error passes through. */
export async function observeCall<T>(listener: ServiceCallListener | undefined, service: string, operation: string, run: () => Promise<T>): Promise<T> {
  if (!listener) return run();
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    const value = await run();
    tell(listener, { service, operation, durationMs: durationMs(), outcome: 'ok' });
    return value;
  } catch (error) {
    tell(listener, { service, operation, durationMs: durationMs(), outcome: 'error', error: describeCallError(error) });
    throw error;
  }
}

/** The start of a SQL statement as an operation name: whitespace folded, at most 60 characters. */
export function statementOperation(sql: string): string {
  const folded = sql.replace(/\s+/g, ' ').trim();
  return folded.length <= 60 ? folded : `${folded.slice(0, 59)}…`;
}
