import type { MiddlewareStack } from '@smithy/types';
import { awsAccessDenied } from './aws-access-denied';
import { awsCredentialsError, refusedCredentialNames } from './aws-credentials';
import { outputShapeOf } from './aws-output-shape';
import { markCallSite, ServiceCallError, UnexpectedResponseError } from './service-error';
import type { AwsTarget } from './targets';
import { transportFailure } from './transport-failure';

/** The services whose answers are XML (S3's REST-XML and the query protocol's); the others answer JSON. */
const xmlServices: ReadonlySet<string> = new Set(['S3', 'IAM', 'SNS', 'STS']);

/**
 * Lists the model does not mark required but AWS always sends (an empty list is `[]`): a check that finds one
 * absent would read "none" where nothing was read. Keyed by service, then operation.
 */
export const alwaysPresentMembers: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Glue: { GetJobRuns: ['JobRuns'], GetJobRun: ['JobRun'], GetJob: ['Job'], GetJobs: ['Jobs'] },
  'CloudWatch Logs': { FilterLogEvents: ['events'], DescribeLogStreams: ['logStreams'], DescribeLogGroups: ['logGroups'], DescribeSubscriptionFilters: ['subscriptionFilters'] },
  CloudWatch: { DescribeAlarms: ['MetricAlarms'], ListDashboards: ['DashboardEntries'] },
  EventBridge: { ListRules: ['Rules'], ListTargetsByRule: ['Targets'] },
  SNS: { ListSubscriptionsByTopic: ['Subscriptions'], GetTopicAttributes: ['Attributes'] },
  Budgets: { DescribeBudgets: ['Budgets'] },
  IAM: { SimulatePrincipalPolicy: ['EvaluationResults'] },
  DynamoDB: { Scan: ['Items', 'Count'], Query: ['Items', 'Count'] },
  S3: { ListObjectsV2: ['Name', 'KeyCount'] },
};

/** Names the SDK gives an error answer it could not read a code from. */
const unnamedErrors: ReadonlySet<string> = new Set(['Unknown', 'UnknownError', 'SyntaxError']);

/** The part of an SDK v3 client the guards need. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- input and output types differ per client
type AnyClient = { middlewareStack: MiddlewareStack<any, any> };

/** An HTTP answer as the SDK's handler returns it. */
interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

const operationOf = (context: { commandName?: string }) => String(context.commandName ?? 'unknown').replace(/Command$/, '');

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (!body || typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function') return new Uint8Array(0);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const protocolOf = (contentType: string) => (/json/i.test(contentType) ? 'JSON' : 'XML');

/** Refuses a 2xx answer that cannot be the operation's: an HTML page, or an empty body where the model reads members from it. */
function rawAnswerCheck(service: string) {
  return (next: (args: unknown) => Promise<{ response: unknown }>, context: { commandName?: string }) => async (args: unknown) => {
    const result = await next(args);
    const response = result.response as RawResponse;
    const shape = outputShapeOf(context);
    if (!shape || shape.rawPayload || response.statusCode < 200 || response.statusCode >= 300) return result;
    const operation = operationOf(context);
    const contentType = response.headers['content-type'] ?? '';
    const requestType = ((args as { request?: { headers?: Record<string, string> } }).request?.headers?.['content-type'] ?? '');
    const expected = protocolOf(requestType.includes('json') ? requestType : contentType);
    if (/text\/html/i.test(contentType)) {
      throw new UnexpectedResponseError(service, operation, 'content-type', expected, contentType, `the answer is ${contentType.split(';')[0]} (a sign-in or proxy page?), expected ${expected}`, { status: response.statusCode });
    }
    const body = await readBody(response.body);
    response.body = body;
    if (shape.hasBodyMembers && body.length === 0) {
      throw new UnexpectedResponseError(service, operation, 'empty-body', expected, 'an empty body', `the answer is an empty ${response.statusCode}, expected ${expected} with the operation's result`, { status: response.statusCode });
    }
    return result;
  };
}

/** Refuses a parsed answer without a member the operation must return (from the SDK's model, and the table above). */
function requiredMembersCheck(service: string, target: AwsTarget) {
  return (next: (args: unknown) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) => async (args: unknown) => {
    const operation = operationOf(context);
    let result;
    try {
      result = await next(args);
    } catch (error) {
      throw describeAwsFailure(error, service, operation, target);
    }
    const required = [...(outputShapeOf(context)?.required ?? []), ...(alwaysPresentMembers[service]?.[operation] ?? [])];
    const missing = required.filter((member) => result.output[member] === undefined);
    if (missing.length) {
      const status = (result.output.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
      throw new UnexpectedResponseError(service, operation, 'missing-member', missing.join(', '), 'an answer without them', `the answer has no ${missing.join(', ')}, which the operation always returns: an empty or partial answer, so nothing can be said about what exists`, status ? { status } : {});
    }
    return result;
  };
}

/**
 * Turns what the SDK throws into words: credentials not found or refused, a call the caller may not make (naming the
 * denied IAM action), an answer that is not JSON or XML, a
 * 5xx without an error code, a connection that failed. Modeled service exceptions (`StateMachineDoesNotExist`,
 * `ThrottlingException`) pass through unchanged, so checks still match them by class, with their call site marked.
 */
export function describeAwsFailure(error: unknown, service: string, operation: string, target: AwsTarget): unknown {
  if (!(error instanceof Error) || error instanceof ServiceCallError || error.name === 'AbortError' || error.name === 'MutationBlockedError') return error;
  if (error.name === 'CredentialsProviderError') return awsCredentialsError(service, operation, target, error, false);
  if (refusedCredentialNames.has(error.name)) return awsCredentialsError(service, operation, target, error, true);
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  const status = metadata?.httpStatusCode;
  const denied = awsAccessDenied(error, service, operation, status);
  if (denied) return denied;
  if (status && status >= 200 && status < 300) {
    // The deserializer failed on a 2xx: the body is not the JSON or XML the operation returns (cut short, or something else).
    return new UnexpectedResponseError(service, operation, 'not-json', 'a parseable answer', 'a body that does not parse', `the answer is not valid ${xmlServices.has(service) ? 'XML' : 'JSON'} (cut short or not from the service): ${error.message.split('\n')[0]}`, { cause: error, status });
  }
  if (status && status >= 500 && unnamedErrors.has(error.name)) {
    return new ServiceCallError(service, operation, 'unavailable', `AWS answered HTTP ${status} without an error code (a failure on the service side, or a proxy in between)`, { cause: error, status, hint: 'try again; if it persists, check the AWS Health Dashboard for the region' });
  }
  if (!metadata || status === undefined) {
    // The HTTP handler's own request timeout (a service that hangs) says so in its message; its code alone reads as a connection timeout.
    const hung = error.name === 'TimeoutError' && /requestTimeout/.test(error.message);
    const transport = hung ? { words: `no answer within ${(target.timeoutMs ?? 20_000) / 1000} s`, cutShort: false } : transportFailure(error);
    if (transport) {
      return new ServiceCallError(service, operation, 'unreachable', `${transport.words}${target.endpoint ? ` (endpoint ${target.endpoint})` : ` (region ${target.region})`}`, { cause: error });
    }
  }
  return markCallSite(error, { service, operation });
}

/** Adds the response guards to an AWS client: refuses answers that cannot be the operation's, and names every failure's service and operation. */
export function guardResponses<C extends AnyClient>(client: C, service: string, target: AwsTarget): C {
  client.middlewareStack.add(requiredMembersCheck(service, target) as never, { step: 'initialize', name: 'runbookRequiredMembers', priority: 'low' });
  client.middlewareStack.add(rawAnswerCheck(service) as never, { step: 'deserialize', name: 'runbookRawAnswerCheck', priority: 'low' });
  return client;
}
