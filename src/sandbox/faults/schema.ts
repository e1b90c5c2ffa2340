import { z } from 'zod';

/** What a fault does to a call's answer. Latency delays it; every other kind replaces or breaks it. */
export const faultEffectSchema = z.discriminatedUnion('kind', [
  /** The answer comes `ms` milliseconds late (a slow service; the speed bench uses 100 ms per call). */
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().nonnegative() }),
  /** A 200 with an empty body, the answer's own content type kept. */
  z.strictObject({ kind: z.literal('empty-body') }),
  /** A 200 whose body is an HTML sign-in page (a proxy or SSO portal answering instead of the service). */
  z.strictObject({ kind: z.literal('html-page') }),
  /** A complete answer whose body is cut in half: not valid for its content type. */
  z.strictObject({ kind: z.literal('malformed-body') }),
  /** The headers promise the whole body, half of it is sent, then the connection closes. */
  z.strictObject({ kind: z.literal('truncated-body') }),
  /** The connection is reset before any answer. */
  z.strictObject({ kind: z.literal('reset') }),
  /** No answer at all, until the client gives up or the sandbox stops. */
  z.strictObject({ kind: z.literal('hang') }),
  /**
   * Throttling in the service's own wire form: AWS JSON `ThrottlingException` 400, IAM/STS `Throttling` 400, S3
   * `SlowDown` 503, GitHub 403 with `x-ratelimit-remaining: 0` (or 429 with `retry-after`), Airflow 429 (or 503),
   * Snowflake HTTP 429 (or 503). `status` picks the other form where a service has two.
   */
  z.strictObject({ kind: z.literal('throttle'), status: z.union([z.literal(403), z.literal(429), z.literal(503)]).optional() }),
  /**
   * Credentials that expired, as the service says so: AWS `ExpiredTokenException` (S3, IAM and STS `ExpiredToken`),
   * Snowflake 390112 on a query and 390114 on a login (`success: false`), Airflow 401, GitHub 401 "Bad credentials".
   */
  z.strictObject({ kind: z.literal('expired-credentials') }),
  /** An answer of the given status and body, e.g. a 500 or a 503 with a service's own error document. */
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.string().default(''),
    headers: z.record(z.string(), z.string()).default({}),
  }),
]);

/** One fault: which calls it hits and what it does to them. */
export const faultSchema = z.strictObject({
  /** The sandbox's service key (`s3`, `sfn`, `glue`, `logs`, `iam`, `dynamodb`, `snowflake`, `airflow`, `github`…); every service when omitted. */
  service: z.string().min(1).optional(),
  /** The operation as the call log names it (`DescribeStateMachine`, `GetObject`, `query`…); every operation when omitted. */
  operation: z.string().min(1).optional(),
  /** The share of matching calls it hits, drawn from the sandbox's seeded random source; every call when omitted. */
  rate: z.number().min(0).max(1).default(1),
  /** Only this many hits, then the fault is spent (1 makes a transient fault that a retry gets past). */
  times: z.number().int().positive().optional(),
  /**
   * What `times` counts: hits of the fault in all (`fault`, the default), or hits per call (`call`): with `times: 1`
   * every call's first attempt is hit and its retry answered, a call known by its trace (or its method, path and body).
   */
  per: z.enum(['fault', 'call']).optional(),
  effect: faultEffectSchema,
});

/** A fault as written in a world file or given by flag. */
export type FaultSpec = z.input<typeof faultSchema>;
/** A validated fault, defaults applied. */
export type Fault = z.output<typeof faultSchema>;
/** What a fault does. */
export type FaultEffect = Fault['effect'];
/** The kinds of fault the sandbox can inject. */
export type FaultKind = FaultEffect['kind'];
