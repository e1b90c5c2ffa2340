/**
 * What went wrong with a call to a service, as a kind the runner and the retry logic can branch on:
 * the answer was not what the operation must return, the credentials are missing or refused, the caller
 * lacks the permission, the service failed (5xx), could not be reached, or throttled the call.
 */
export type CallProblem = 'unexpected-response' | 'credentials' | 'permission' | 'unavailable' | 'unreachable' | 'throttled';

/** Problems a later attempt may not have: a retry can get past them (the clients' backoff, src/clients/retry/, keys on this). */
const transientProblems: readonly CallProblem[] = ['unavailable', 'unreachable', 'throttled'];

/** Options every ServiceCallError takes: the cause, what to do about it, the HTTP status when there was one. */
export interface ServiceCallErrorOptions {
  cause?: unknown;
  /** What the engineer can do (`run aws sso login`, `set GITHUB_TOKEN`). */
  hint?: string;
  status?: number;
  /** How long the service asked the caller to wait before trying again (a `retry-after` or rate-limit reset), in ms. */
  retryAfterMs?: number;
}

/**
 * A call to a service that did not give a usable answer. The message names the service, the operation and
 * the cause in words an engineer can act on: `Step Functions ListExecutions: the answer has no executions …`.
 */
export class ServiceCallError extends Error {
  override name = 'ServiceCallError';
  readonly hint: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(
    /** The service as engineers name it: `Step Functions`, `Glue`, `S3`, `Snowflake`, `Airflow`, `GitHub`. */
    readonly service: string,
    /** The operation: the API's own name (`ListExecutions`, `GetLog`), or the method and route for REST APIs. */
    readonly operation: string,
    readonly problem: CallProblem,
    /** What happened, without the service and operation (the message adds them). */
    readonly explanation: string,
    options: ServiceCallErrorOptions = {},
  ) {
    super(`${service} ${operation}: ${explanation}${options.hint ? `; ${options.hint}` : ''}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True when a later attempt may succeed (a 5xx, a reset, a throttle); false for answers and credentials that will not change. */
  get transient(): boolean {
    return transientProblems.includes(this.problem);
  }
}

/** What an answer failed to hold. */
export type ResponseFlaw = 'content-type' | 'not-json' | 'empty-body' | 'missing-member' | 'cut-short';

/**
 * An answer that does not hold what the operation must return: a sign-in page instead of the data, a body
 * that is not JSON, an empty 200, a required list that is absent. A check that read it would report on nothing.
 */
export class UnexpectedResponseError extends ServiceCallError {
  override name = 'UnexpectedResponseError';
  constructor(
    service: string,
    operation: string,
    readonly flaw: ResponseFlaw,
    /** What the answer should have been or held (`XML`, `executions`). */
    readonly expected: string,
    /** What it was (`text/html`, `an empty body`). */
    readonly received: string,
    detail: string,
    options: ServiceCallErrorOptions = {},
  ) {
    super(service, operation, 'unexpected-response', detail, options);
  }
}

/**
 * No usable credentials: none found, or refused. Names every source that was tried and what to set, never a
 * secret's value.
 */
export class ServiceCredentialsError extends ServiceCallError {
  override name = 'ServiceCredentialsError';
  constructor(
    service: string,
    operation: string,
    /** The sources tried, in order (`AWS_ACCESS_KEY_ID`, `profile "default" of ~/.aws/config`, …). */
    readonly sourcesTried: readonly string[],
    detail: string,
    /** What to set or run to fix it. */
    toSet: string,
    options: Omit<ServiceCallErrorOptions, 'hint'> = {},
  ) {
    super(service, operation, 'credentials', `${detail} (tried: ${sourcesTried.join('; ')})`, { ...options, hint: toSet });
  }
}

const callSiteKey = Symbol.for('runbook.callSite');

/** Where a call went: kept on errors the clients pass on unchanged (a modeled AWS exception stays matchable by instanceof). */
export interface CallSite {
  service: string;
  operation: string;
}

/** Records on an error which service and operation raised it, without changing its class. */
export function markCallSite<E>(error: E, site: CallSite): E {
  if (error && typeof error === 'object' && !(callSiteKey in error)) Object.defineProperty(error, callSiteKey, { value: site, enumerable: false });
  return error;
}

/** The service and operation an error came from, when a client recorded them. */
export function callSiteOf(error: unknown): CallSite | undefined {
  if (error instanceof ServiceCallError) return { service: error.service, operation: error.operation };
  return error && typeof error === 'object' ? ((error as Record<symbol, CallSite | undefined>)[callSiteKey] ?? undefined) : undefined;
}

/** A failure in words: the service, operation and cause when known (`Step Functions ListExecutions: ThrottlingException: Rate exceeded`). */
export function describeCallFailure(error: unknown): string {
  if (error instanceof ServiceCallError) return error.message;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const site = callSiteOf(error);
  return site ? `${site.service} ${site.operation}: ${text}` : text;
}
