import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { defineCheck, error, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { readRepositoryFile } from '../../src/diagnostics/github/repository-file';
import { isSkip, terraformWorkflow } from '../../src/diagnostics/github/workflow-settings';
import { readBackendLocking } from '../../src/diagnostics/terraform/backend-config';

/** 5.5, "Terraform state protected via DynamoDB locking": the backend names a lock table, and that table exists keyed by LockID. */
export default defineCheck({
  id: 'state-lock-backend',
  title: 'The Terraform backend locks its state in DynamoDB',
  establishes: 'The backend block of practices.backendFile (in the GitHub repository) sets dynamodb_table, and that DynamoDB table exists with the string hash key LockID that Terraform writes its locks under.',
  kind: 'check',
  uses: ['github:GetRepoContent', 'dynamodb:DescribeTable'],
  async run(ctx) {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return workflow;
    const backendFile = ctx.config.practices?.backendFile;
    if (!backendFile) return notConfigured(ctx.environment, 'practices.backendFile');
    const file = await readRepositoryFile(await ctx.clients.github(), workflow.owner, workflow.repo, backendFile);
    if (!file) return error(`${backendFile} (practices.backendFile) is not in ${workflow.github.repository}'s default branch`, new Error(`no file ${backendFile}`));
    const links = file.htmlUrl ? [link(backendFile, file.htmlUrl)] : [];
    const locking = readBackendLocking(file.text);
    if (locking.kind === 'unreadable') return error(`${backendFile}: ${locking.problem}`, new Error(locking.problem), { links });
    if (locking.kind === 'no-backend') return error(`${backendFile} has no backend "…" { } block, expected the file that declares the Terraform backend (practices.backendFile)`, new Error('no backend block'), { links });
    const seen = [evidence('backend file', backendFile), evidence('backend', locking.type), evidence('dynamodb_table', locking.dynamodbTable), evidence('use_lockfile', locking.useLockfile)];
    if (locking.type !== 's3') return fail(`the backend is "${locking.type}", not "s3": the state is not locked in DynamoDB as the recovery strategy says`, { evidence: seen, links });
    if (!locking.dynamodbTable) {
      if (locking.useLockfile) return warn('the S3 backend locks with a lock file in the bucket (use_lockfile = true), not a DynamoDB table: the state is locked, but not as the runbook says', { evidence: seen, links });
      return fail(`the S3 backend in ${backendFile} sets no dynamodb_table: two applies can write the state at once`, { evidence: seen, links });
    }
    const table = locking.dynamodbTable;
    const region = ctx.config.aws?.region ?? 'us-east-1';
    links.push(link(`DynamoDB table ${table}`, `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${encodeURIComponent(table)}`));
    let described;
    try {
      described = (await ctx.clients.dynamodb().send(new DescribeTableCommand({ TableName: table }), { abortSignal: ctx.signal })).Table;
    } catch (caught) {
      if (caught instanceof ResourceNotFoundException) return fail(`the backend names lock table ${table}, which does not exist: terraform init fails, or runs without the lock`, { evidence: seen, links });
      throw caught;
    }
    const hash = described?.KeySchema?.find((key) => key.KeyType === 'HASH')?.AttributeName ?? null;
    const type = described?.AttributeDefinitions?.find((a) => a.AttributeName === hash)?.AttributeType ?? null;
    seen.push(evidence('hash key', hash ? `${hash} (${type ?? '?'})` : null), evidence('table status', described?.TableStatus ?? null));
    if (hash !== 'LockID' || type !== 'S') return fail(`lock table ${table} is keyed by ${hash ?? 'nothing'}${type ? ` (${type})` : ''}, not the string LockID Terraform writes its locks under: locking fails`, { evidence: seen, links });
    const configured = ctx.config.terraform?.lockTable;
    if (configured && configured !== table) return warn(`the backend locks in ${table}, but terraform.lockTable is ${configured}: the stale-lock check (3.6) reads the wrong table`, { evidence: seen, links });
    return pass(`the S3 backend locks the state in ${table}, keyed by LockID`, { evidence: seen, links });
  },
});
