import { loadSnowflakeDriver } from './snowflake';

/* eslint-disable @typescript-eslint/no-require-imports */
/** Each AWS service's SDK package, loaded on its first use: a run that needs only S3 never loads the others. */
export const awsSdkModules = {
  s3: () => require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3'),
  sfn: () => require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn'),
  glue: () => require('@aws-sdk/client-glue') as typeof import('@aws-sdk/client-glue'),
  logs: () => require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs'),
  iam: () => require('@aws-sdk/client-iam') as typeof import('@aws-sdk/client-iam'),
  dynamodb: () => require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb'),
  sts: () => require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts'),
  cloudtrail: () => require('@aws-sdk/client-cloudtrail') as typeof import('@aws-sdk/client-cloudtrail'),
  cloudwatch: () => require('@aws-sdk/client-cloudwatch') as typeof import('@aws-sdk/client-cloudwatch'),
  events: () => require('@aws-sdk/client-eventbridge') as typeof import('@aws-sdk/client-eventbridge'),
  sns: () => require('@aws-sdk/client-sns') as typeof import('@aws-sdk/client-sns'),
  budgets: () => require('@aws-sdk/client-budgets') as typeof import('@aws-sdk/client-budgets'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The client code a service of a check's `uses` (`s3:ListObjectsV2`, `snowflake:SHOW PIPES`) loads before its first call. */
const preloaders: Record<string, () => unknown> = { ...awsSdkModules, snowflake: loadSnowflakeDriver };

/** The services a list of checks' `uses` names (`s3:ListObjectsV2`, `snowflake:SHOW PIPES` → `s3`, `snowflake`), each once. */
export function usedServices(uses: Iterable<string>): string[] {
  return [...new Set([...uses].map((use) => use.split(':')[0]!))];
}

/**
 * Loads the client code of these services (`s3`, `snowflake`) before the checks call them: for a run whose sandbox is
 * still starting in its own thread, this thread's loading is done meanwhile rather than after. A service with nothing
 * to load (GitHub, Airflow, dbt) or an unknown name is passed over.
 */
export function preloadClientModules(services: Iterable<string>): void {
  for (const service of services) preloaders[service]?.();
}
