/** The `uses` service names of AWS and the IAM service prefixes they authorize under (`sfn` is `states`). */
export const awsServicePrefixes: Record<string, string> = {
  sfn: 'states',
  states: 'states',
  glue: 'glue',
  logs: 'logs',
  s3: 's3',
  iam: 'iam',
  dynamodb: 'dynamodb',
  sts: 'sts',
  cloudtrail: 'cloudtrail',
  cloudwatch: 'cloudwatch',
  events: 'events',
  sns: 'sns',
  budgets: 'budgets',
};

/**
 * API operations whose IAM action has another name or is another action. S3 differs most:
 * ListObjectsV2 is authorized as s3:ListBucket, HeadObject as s3:GetObject, the notification configuration
 * calls as s3:GetBucketNotification and s3:PutBucketNotification; and AWS Budgets, whose every read is budgets:ViewBudget.
 */
const renamed: Record<string, readonly string[]> = {
  's3:ListObjects': ['s3:ListBucket'],
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:ListObjectVersions': ['s3:ListBucketVersions'],
  's3:HeadBucket': ['s3:ListBucket'],
  's3:HeadObject': ['s3:GetObject'],
  's3:ListBuckets': ['s3:ListAllMyBuckets'],
  's3:GetBucketNotificationConfiguration': ['s3:GetBucketNotification'],
  's3:PutBucketNotificationConfiguration': ['s3:PutBucketNotification'],
  'budgets:DescribeBudgets': ['budgets:ViewBudget'],
};

/** True for a `uses` entry of an AWS service (`sfn:DescribeExecution`), false for Snowflake, GitHub, Airflow, dbt. */
export function isAwsOperation(entry: string): boolean {
  return entry.split(':')[0]! in awsServicePrefixes;
}

/** The IAM actions that authorize one AWS `uses` entry (`s3:HeadObject` → `s3:GetObject`). */
export function iamActionsFor(entry: string): readonly string[] {
  const [service = '', operation = ''] = entry.split(':');
  const prefix = awsServicePrefixes[service];
  if (!prefix) return [];
  return renamed[`${prefix}:${operation}`] ?? [`${prefix}:${operation}`];
}
