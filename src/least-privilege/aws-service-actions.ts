/** How the Service Authorization Reference classifies an action. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** One IAM action: its access level, and the resource types it can be scoped to (none: only `"*"`). */
export interface IamActionSpec {
  access: AccessLevel;
  resourceTypes: readonly ResourceType[];
}

/** The resource types of the actions below, each with its ARN shape in the reference. */
export const resourceTypeArns = {
  statemachine: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
  execution: 'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:${ExecutionId}',
  job: 'arn:${Partition}:glue:${Region}:${Account}:job/${JobName}',
  'log-group': 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}',
  'log-stream': 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
  bucket: 'arn:${Partition}:s3:::${BucketName}',
  object: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
  role: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
  user: 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}',
  group: 'arn:${Partition}:iam::${Account}:group/${GroupNameWithPath}',
  table: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
  policy: 'arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}',
  alarm: 'arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}',
  'rule-on-default-event-bus': 'arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}',
  topic: 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}',
  budget: 'arn:${Partition}:budgets::${Account}:budget/${BudgetName}',
} as const;

/** A resource type an IAM action can be scoped to. */
export type ResourceType = keyof typeof resourceTypeArns;

const read = (...resourceTypes: ResourceType[]): IamActionSpec => ({ access: 'Read', resourceTypes });
const list = (...resourceTypes: ResourceType[]): IamActionSpec => ({ access: 'List', resourceTypes });
const write = (...resourceTypes: ResourceType[]): IamActionSpec => ({ access: 'Write', resourceTypes });

/**
 * The IAM actions of the services the checks call, by service prefix, as the AWS Service Authorization
 * Reference lists them (Actions table: access level and required resource types). Not every action of each
 * service: the ones this runbook calls or may come to call, so that a `uses` entry can be checked against a
 * real name instead of a guess. Add a row from the reference when a check calls something new.
 */
export const awsServiceActions: Record<string, Record<string, IamActionSpec>> = {
  states: {
    DescribeExecution: read('execution'),
    DescribeStateMachine: read('statemachine'),
    DescribeStateMachineForExecution: read('execution'),
    GetExecutionHistory: read('execution'),
    ListExecutions: list('statemachine'),
    ListStateMachines: list(),
    RedriveExecution: write('execution'),
    StartExecution: write('statemachine'),
    StopExecution: write('execution'),
  },
  glue: {
    GetJob: read('job'),
    GetJobs: read(),
    GetJobRun: read('job'),
    GetJobRuns: read('job'),
    ListJobs: list(),
    StartJobRun: write('job'),
    UpdateJob: write('job'),
  },
  logs: {
    DescribeLogGroups: list(),
    DescribeLogStreams: list('log-group'),
    DescribeSubscriptionFilters: list('log-group'),
    FilterLogEvents: read('log-group'),
    GetLogEvents: read('log-stream'),
  },
  s3: {
    GetBucketLocation: read('bucket'),
    GetBucketNotification: read('bucket'),
    GetObject: read('object'),
    GetObjectVersion: read('object'),
    ListAllMyBuckets: list(),
    ListBucket: list('bucket'),
    ListBucketVersions: list('bucket'),
    PutBucketNotification: write('bucket'),
  },
  iam: {
    GetPolicy: read('policy'),
    GetPolicyVersion: read('policy'),
    GetRole: read('role'),
    GetRolePolicy: read('role'),
    ListAttachedRolePolicies: list('role'),
    ListRolePolicies: list('role'),
    PassRole: write('role'),
    SimulatePrincipalPolicy: read('group', 'role', 'user'),
  },
  dynamodb: {
    DeleteItem: write('table'),
    DescribeTable: read('table'),
    GetItem: read('table'),
    Query: read('table'),
    Scan: read('table'),
  },
  sts: {
    GetCallerIdentity: read(),
  },
  cloudtrail: {
    LookupEvents: read(),
  },
  cloudwatch: {
    DescribeAlarms: list('alarm'),
    ListDashboards: list(),
  },
  events: {
    ListRules: list(),
    ListTargetsByRule: list('rule-on-default-event-bus'),
  },
  sns: {
    GetTopicAttributes: read('topic'),
    ListSubscriptionsByTopic: list('topic'),
  },
  budgets: {
    ViewBudget: read('budget'),
  },
};

/** The table's row for `prefix:Action`, or undefined for a name the reference does not list. */
export function iamActionSpec(action: string): IamActionSpec | undefined {
  const [prefix, name] = action.split(':');
  return prefix && name ? awsServiceActions[prefix]?.[name] : undefined;
}
