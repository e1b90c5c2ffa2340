import type { MiddlewareStack } from '@smithy/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsTarget } from './targets';
import { isReadOperation, MutationBlockedError } from './read-only';

/** The AWS services the checks use, by client key, as engineers name them in messages. */
export const awsServiceNames = { s3: 'S3', sfn: 'Step Functions', glue: 'Glue', logs: 'CloudWatch Logs', iam: 'IAM', dynamodb: 'DynamoDB' } as const;

/** The configuration every AWS client of a run shares: region, endpoint, credentials, timeouts. */
export function awsClientConfig(target: AwsTarget) {
  return {
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 20_000 }),
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
