import { emulatorUrl } from '../dynamodb/service';
import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';
import type { SandboxStates } from '../states';
import { roleMay } from './iam-permission';
import type { TerraformProgram } from './schema';

/** How a Terraform job (plan or apply) ends when it runs now, and the lines it writes. */
export interface TerraformOutcome {
  succeeded: boolean;
  log: string[];
}

/** The part of a plan JSON the apply evaluates. */
interface PlanDocument {
  resource_changes?: Array<{ address: string; type: string; change: { actions: string[]; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } }>;
  resource_drift?: unknown[];
}

/** The IAM action each change of a resource type needs (the types the platform's Terraform manages). */
const requiredActions: Record<string, Partial<Record<'create' | 'update' | 'delete', string>>> = {
  aws_glue_job: { create: 'glue:CreateJob', update: 'glue:UpdateJob', delete: 'glue:DeleteJob' },
  aws_s3_bucket: { create: 's3:CreateBucket', update: 's3:PutBucketTagging', delete: 's3:DeleteBucket' },
  aws_s3_bucket_notification: { create: 's3:PutBucketNotification', update: 's3:PutBucketNotification', delete: 's3:PutBucketNotification' },
  aws_cloudwatch_log_group: { create: 'logs:CreateLogGroup', update: 'logs:PutRetentionPolicy', delete: 'logs:DeleteLogGroup' },
  aws_dynamodb_table: { create: 'dynamodb:CreateTable', update: 'dynamodb:UpdateTable', delete: 'dynamodb:DeleteTable' },
  aws_iam_role: { create: 'iam:CreateRole', update: 'iam:UpdateRole', delete: 'iam:DeleteRole' },
};

const errorBlock = (lines: string[]) => ['╷', ...lines.map((line) => `│ ${line}`), '╵', '##[error]Process completed with exit code 1.'];

/** The lock item of the state, read from the lock table as Terraform's S3 backend does (its `-md5` digest item aside). */
async function heldLock(states: SandboxStates, program: TerraformProgram): Promise<Record<string, string> | null> {
  // Loaded when a re-run reads the lock, not whenever the sandbox starts: a run that needs no DynamoDB never loads its SDK.
  const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint: await emulatorUrl(states.dynamodb), region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 });
  try {
    const found = await client.send(new GetItemCommand({ TableName: program.lockTable, Key: { LockID: { S: program.statePath } }, ConsistentRead: true }));
    if (!found.Item) return null;
    const info = found.Item.Info?.S;
    return info ? (JSON.parse(info) as Record<string, string>) : {};
  } finally {
    client.destroy();
  }
}

/** Acquiring the lock fails while another run's lock item is in the table. */
async function lockProblem(states: SandboxStates, program: TerraformProgram): Promise<string[] | null> {
  const lock = await heldLock(states, program);
  if (!lock) return null;
  return [
    'Acquiring state lock. This may take a few moments...',
    ...errorBlock([
      'Error: Error acquiring the state lock',
      '',
      'Error message: ConditionalCheckFailedException: The conditional request failed',
      'Lock Info:',
      `  ID:        ${lock.ID ?? '?'}`,
      `  Path:      ${program.statePath}`,
      `  Operation: ${lock.Operation ?? '?'}`,
      `  Who:       ${lock.Who ?? '?'}`,
      `  Created:   ${lock.Created ?? '?'}`,
    ]),
  ];
}

/** `terraform plan`: fails while the state is locked, succeeds otherwise (the plan itself is the run's artifact). */
export async function runPlan(states: SandboxStates, program: TerraformProgram): Promise<TerraformOutcome> {
  const locked = await lockProblem(states, program);
  if (locked) return { succeeded: false, log: ['##[group]Run terraform plan -input=false -out=tfplan', ...locked] };
  return { succeeded: true, log: ['##[group]Run terraform plan -input=false -out=tfplan', 'Acquiring state lock. This may take a few moments...', 'Releasing state lock. This may take a few moments...', '##[endgroup]'] };
}

function bucketProblem(states: SandboxStates, name: string): string | null {
  const bucket = states.s3.buckets.get(name);
  if (!bucket) return `Error: deleting S3 Bucket (${name}): operation error S3: DeleteBucket, https response error StatusCode: 404, NoSuchBucket: The specified bucket does not exist`;
  if (bucket.objects.size > 0) return `Error: deleting S3 Bucket (${name}): operation error S3: DeleteBucket, https response error StatusCode: 409, BucketNotEmpty: The bucket you tried to delete is not empty`;
  return null;
}

/**
 * `terraform apply tfplan` of the saved plan, against the world as it is now: the state lock must be free, the
 * saved plan must not rest on drifted state, every change must be allowed to the CI role by the world's IAM
 * policies, and a bucket it destroys must be empty.
 */
export async function runApply(states: SandboxStates, program: TerraformProgram, plan: PlanDocument | null): Promise<TerraformOutcome> {
  const head = '##[group]Run terraform apply -input=false tfplan';
  const locked = await lockProblem(states, program);
  if (locked) return { succeeded: false, log: [head, ...locked] };
  if (!plan) return { succeeded: false, log: [head, ...errorBlock(['Error: Failed to load "tfplan" as a plan file', '', 'The plan artifact of this run could not be read.'])] };
  const changes = (plan.resource_changes ?? []).filter((rc) => !rc.change.actions.every((a) => a === 'no-op' || a === 'read'));
  if ((plan.resource_drift ?? []).length) {
    const drifted = changes.find((rc) => rc.change.actions.includes('update'))?.address ?? 'a resource';
    return { succeeded: false, log: [head, ...errorBlock([`Error: updating ${drifted}: ConcurrentModificationException: the resource was modified outside of Terraform since the plan was made (the saved plan records ${plan.resource_drift!.length} drifted resource(s))`])] };
  }
  for (const rc of changes) {
    for (const kind of ['delete', 'create', 'update'] as const) {
      if (!rc.change.actions.includes(kind)) continue;
      const action = requiredActions[rc.type]?.[kind];
      if (action && !roleMay(states.iam, program.ciRole, action, '*')) {
        const [service, operation] = action.split(':') as [string, string];
        const name = String(rc.change.after?.name ?? rc.change.before?.name ?? rc.address);
        const denied = `api error AccessDeniedException: User: arn:aws:sts::${sandboxAccountId}:assumed-role/${program.ciRole}/GitHubActions is not authorized to perform: ${action} on resource: ${name} because no identity-based policy allows the ${action} action`;
        return { succeeded: false, log: [head, ...errorBlock([`Error: ${kind === 'update' ? 'updating' : kind === 'create' ? 'creating' : 'deleting'} ${rc.address} (${name}): operation error ${service}: ${operation}, https response error StatusCode: 400, ${denied}`])] };
      }
      const bucket = String(rc.change.before?.bucket ?? '');
      const problem = kind === 'delete' && rc.type === 'aws_s3_bucket' ? bucketProblem(states, bucket) : null;
      if (problem) return { succeeded: false, log: [head, ...errorBlock([problem])] };
    }
  }
  const count = (kind: string) => changes.filter((rc) => rc.change.actions.includes(kind)).length;
  return { succeeded: true, log: [head, `Apply complete! Resources: ${count('create')} added, ${count('update')} changed, ${count('delete')} destroyed.`, '##[endgroup]'] };
}
