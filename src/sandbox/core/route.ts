import { header, type SandboxRequest } from './http';

/** The AWS signing names the sandbox serves, mapped to its service keys. */
const awsServiceBySigningName = {
  s3: 's3',
  states: 'sfn',
  glue: 'glue',
  logs: 'logs',
  iam: 'iam',
  sts: 'sts',
  dynamodb: 'dynamodb',
  cloudtrail: 'cloudtrail',
  monitoring: 'cloudwatch',
  events: 'events',
  sns: 'sns',
  budgets: 'budgets',
} as const;

/** The X-Amz-Target prefixes of the JSON protocols, for requests that are not signed. */
const awsServiceByTargetPrefix: Record<string, keyof typeof awsServiceBySigningName> = {
  AWSStepFunctions: 'states',
  AWSGlue: 'glue',
  Logs_20140328: 'logs',
  DynamoDB_20120810: 'dynamodb',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
  GraniteServiceVersion20100801: 'monitoring',
  AWSEvents: 'events',
  AWSBudgetServiceGateway: 'budgets',
};

/** The API versions of the query-protocol services other than IAM, which unsigned requests name in `Version`. */
const queryServices: Record<string, 'sts' | 'sns' | 'cloudwatch'> = { '2011-06-15': 'sts', '2010-03-31': 'sns', '2010-08-01': 'cloudwatch' };
const queryServiceByVersion = (body: string): 'iam' | 'sts' | 'sns' | 'cloudwatch' => queryServices[new URLSearchParams(body).get('Version') ?? ''] ?? 'iam';

/** Every service key the sandbox can route to. */
export type ServiceKey = (typeof awsServiceBySigningName)[keyof typeof awsServiceBySigningName] | 'snowflake' | 'airflow' | 'github' | 'control';

/** The service a request is for: by the SigV4 credential scope, the X-Amz-Target header, or the path. */
export function routeRequest(request: SandboxRequest): ServiceKey | null {
  const path = request.url.pathname;
  if (path.startsWith('/_sandbox/')) return 'control';
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([\w-]+)\/aws4_request/.exec(header(request, 'authorization') ?? '');
  const signingName = scope?.[1] ?? request.url.searchParams.get('X-Amz-Credential')?.split('/')[3];
  if (signingName) return awsServiceBySigningName[signingName as keyof typeof awsServiceBySigningName] ?? null;
  // The prefix is everything before the operation: `AWSGlue`, or CloudTrail's dotted `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`.
  const target = header(request, 'x-amz-target')?.replace(/\.[^.]*$/, '');
  if (target && awsServiceByTargetPrefix[target]) return awsServiceBySigningName[awsServiceByTargetPrefix[target]];
  if (/^\/(session|queries|telemetry)(\/|$)/.test(path)) return 'snowflake';
  if (path.startsWith('/airflow/')) return 'airflow';
  if (path.startsWith('/github/')) return 'github';
  if (request.method === 'POST' && /(^|&)Action=/.test(request.body.toString('utf8', 0, 400))) return queryServiceByVersion(request.body.toString('utf8'));
  return 's3';
}
