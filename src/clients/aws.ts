import type { MiddlewareStack } from '@smithy/types';
import { beginCall, encodeTrace, traceHeader } from './call-trace';
import type { AwsTarget } from './targets';
import { isReadOperation, MutationBlockedError } from './read-only';
import { throughBreaker, type ServiceBreaker } from './breaker/service-breaker';
import { awsRetryStrategy } from './retry/aws-retry-strategy';
import { defaultRetryPolicy, type RetryPolicy } from './retry/policy';
import { observeCall, type ServiceCallListener } from './service-calls';

/** The AWS services the checks use, by client key, as engineers name them in messages. */
export const awsServiceNames = {
  s3: 'S3',
  sfn: 'Step Functions',
  glue: 'Glue',
  logs: 'CloudWatch Logs',
  iam: 'IAM',
  dynamodb: 'DynamoDB',
  sts: 'STS',
  cloudtrail: 'CloudTrail',
  cloudwatch: 'CloudWatch',
  events: 'EventBridge',
  sns: 'SNS',
  budgets: 'Budgets',
} as const;

/** The configuration every AWS client of a run shares: region, endpoint, credentials, timeouts, and the run's retry policy. */
export function awsClientConfig(target: AwsTarget, retry: RetryPolicy = defaultRetryPolicy) {
  return {
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
    maxAttempts: retry.attempts,
    retryStrategy: awsRetryStrategy(retry),
    // Loaded here, not at import: a run that makes no AWS call never loads the HTTP stack.
    requestHandler: new (require('@smithy/node-http-handler') as typeof import('@smithy/node-http-handler')).NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: target.timeoutMs ?? 20_000, throwOnRequestTimeout: true }),
  };
}

/** The part of every SDK v3 client the guard needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- input and output types differ per client
type AnyClient = { middlewareStack: MiddlewareStack<any, any> };

/** Makes a client refuse every operation that is not a read, before anything is sent. */
export function guardReadOnly<C extends AnyClient>(client: C): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '');
      if (!isReadOperation(operation)) throw new MutationBlockedError(operation);
      return next(args);
    },
    { step: 'initialize', name: 'runbookReadOnlyGuard', priority: 'high' },
  );
  return client;
}

/** Makes a client's calls go through the run's breaker: a service that hung or refused once is not waited on again. */
export function breakOnHang<C extends AnyClient>(client: C, service: string, breaker: ServiceBreaker | undefined, timeoutMs: number): C {
  if (!breaker) return client;
  client.middlewareStack.add(
    (next, context) => (args) => throughBreaker(breaker, service, String(context.commandName ?? 'unknown').replace(/Command$/, ''), timeoutMs, () => next(args)),
    { step: 'initialize', name: 'runbookServiceBreaker', priority: 'high' },
  );
  return client;
}

/** Tells `listener` of every operation the client sends (retries included), with its duration and outcome. */
export function observeAwsCalls<C extends AnyClient>(client: C, service: string, listener: ServiceCallListener | undefined): C {
  if (!listener) return client;
  client.middlewareStack.add(
    (next, context) => (args) => observeCall(listener, service, String(context.commandName ?? 'unknown').replace(/Command$/, ''), () => next(args)),
    { step: 'initialize', name: 'runbookServiceCallObserver', priority: 'high' },
  );
  return client;
}

/** Makes a client send each call's trace in a header, when the call is made in a traced run (the sandbox's). */
export function traceCalls<C extends AnyClient>(client: C): C {
  client.middlewareStack.add(
    (next) => async (args) => {
      const call = beginCall();
      if (call) (args.request as { headers: Record<string, string> }).headers[traceHeader] = encodeTrace(call.trace);
      try {
        return await next(args);
      } finally {
        call?.done();
      }
    },
    { step: 'build', name: 'runbookCallTrace' },
  );
  return client;
}
