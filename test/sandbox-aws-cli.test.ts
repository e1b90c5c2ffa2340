import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';

const run = promisify(execFile);

/** Debian's AWS CLI (package awscli) when installed, else any `aws` on the PATH, else none. */
function findAwsCli(): string | null {
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, 'aws'))) return path.join(dir, 'aws');
  return null;
}

const aws = findAwsCli();
const glueRun = 'jr_1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';

/** The common prefixes a `/`-delimited listing of `prefix` shows for these keys, in order. */
const underPrefix = (all: string[], prefix: string) => [...new Set(all.filter((k) => k.startsWith(prefix)).map((k) => k.slice(0, k.indexOf('/', prefix.length) + 1)))];
const partition = (time: string) => dated(`reviews/year={${time}:YYYY}/month={${time}:MM}/day={${time}:DD}/`);
const keys = [
  ...['part-00000', 'part-00001'].map((part) => `${partition('now-50h')}${part}.parquet`),
  `${partition('now-26h')}part-00000.parquet`,
  ...['part-00000', 'part-00001', 'part-00002'].map((part) => `${partition('now-2h')}${part}.parquet`),
];

describe.skipIf(!aws)('the sandbox serves another AWS client: the AWS CLI, always with --endpoint-url (skipped: no `aws` installed; apt-get install awscli)', () => {
  let sandbox: Sandbox;
  let home: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'healthy' });
    home = mkdtempSync(path.join(os.tmpdir(), 'runbook-aws-cli-home-'));
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  /** Runs `aws --endpoint-url <sandbox> …` with static credentials and nothing from the machine's AWS configuration. */
  const cli = async (...args: string[]): Promise<string> => {
    const { stdout } = await run(aws!, ['--endpoint-url', sandbox.url, '--output', 'json', ...args], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: sandboxCredentials.aws.accessKeyId,
        AWS_SECRET_ACCESS_KEY: sandboxCredentials.aws.secretAccessKey,
        AWS_DEFAULT_REGION: sandboxCredentials.region,
        AWS_REGION: sandboxCredentials.region,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  /** Whether the installed CLI's model knows `word` for an operation (its help mentions it): Debian 12's 2.9 predates some. */
  const known = new Map<string, Promise<boolean>>();
  const cliKnows = (service: string, operation: string, word: string): Promise<boolean> => {
    const key = `${service} ${operation} ${word}`;
    if (!known.has(key)) known.set(key, run(aws!, [service, operation, 'help'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, AWS_PAGER: '', PAGER: 'cat' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }).then(({ stdout }) => stdout.includes(word)));
    return known.get(key)!;
  };

  it('s3api get-bucket-notification-configuration prints the queue configuration with its filter', async () => {
    const config = JSON.parse(await cli('s3api', 'get-bucket-notification-configuration', '--bucket', 'arai-processed')) as Record<string, unknown>;
    expect(config).toEqual({
      QueueConfigurations: [
        {
          Id: 'snowflake-auto-refresh',
          QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-AIDAXSANDBOX7EXAMPLE-Qm9keUJ1Y2tldA',
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }] } },
        },
      ],
    });
  }, 60_000);

  it('s3api list-objects-v2 --prefix reviews/ lists every key, decoded from encoding-type=url', async () => {
    const listing = JSON.parse(await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', 'reviews/')) as { Contents: Array<{ Key: string; Size: number }> };
    expect(listing.Contents.map((o) => o.Key)).toEqual(keys);
    expect(listing.Contents[0]!.Size).toBe(48211);
    const listed = sandbox.calls.all().filter((c) => c.operation === 'ListObjectsV2');
    expect(listed.length).toBeGreaterThan(0);
  }, 60_000);

  it('s3api list-objects-v2 pages through a prefix with --page-size, as the CLI paginates', async () => {
    const listing = JSON.parse(await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', 'reviews/', '--page-size', '2')) as { Contents: Array<{ Key: string }> };
    expect(listing.Contents.map((o) => o.Key)).toEqual(keys);
  }, 60_000);

  it('s3 cp s3://…/key - streams the object body to standard output', async () => {
    const body = await cli('s3', 'cp', `s3://arai-processed/${keys[0]}`, '-');
    expect(body.length).toBe(48211);
  }, 60_000);

  it('s3api put-bucket-notification-configuration replaces the configuration, and get returns it, empty filter values included', async () => {
    const wanted = {
      QueueConfigurations: [
        {
          Id: 'repaired',
          QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-OTHER',
          Events: ['s3:ObjectCreated:Put', 's3:ObjectCreated:CompleteMultipartUpload'],
          Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'reviews/' }, { Name: 'Suffix', Value: '' }] } },
        },
      ],
    };
    await cli('s3api', 'put-bucket-notification-configuration', '--bucket', 'arai-processed', '--notification-configuration', JSON.stringify(wanted));
    expect(JSON.parse(await cli('s3api', 'get-bucket-notification-configuration', '--bucket', 'arai-processed'))).toEqual(wanted);
    expect(sandbox.calls.mutations().map((c) => c.operation)).toEqual(['PutBucketNotificationConfiguration']);
  }, 60_000);

  it("s3api get-bucket-location names the bucket's region, and list-objects-v2 pages common prefixes each once", async () => {
    expect(JSON.parse(await cli('s3api', 'get-bucket-location', '--bucket', 'arai-processed'))).toEqual({ LocationConstraint: 'eu-west-1' });
    const prefixes = JSON.parse(
      await cli('s3api', 'list-objects-v2', '--bucket', 'arai-processed', '--prefix', dated('reviews/year={now-2h:YYYY}/month={now-2h:MM}/'), '--delimiter', '/', '--page-size', '1'),
    ) as { CommonPrefixes: Array<{ Prefix: string }> };
    expect(prefixes.CommonPrefixes.map((p) => p.Prefix)).toEqual(underPrefix(keys, dated('reviews/year={now-2h:YYYY}/month={now-2h:MM}/')));
  }, 60_000);

  it('sts get-caller-identity names the IAM user behind the sandbox access key (query protocol, XML)', async () => {
    const identity = JSON.parse(await cli('sts', 'get-caller-identity')) as Record<string, string>;
    expect(identity).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/sandbox-oncall' });
    expect(identity.UserId).toMatch(/^AIDA/);
  }, 60_000);

  it('logs describe-log-groups lists the Glue log groups with retention and ARNs', async () => {
    const { logGroups } = JSON.parse(await cli('logs', 'describe-log-groups', '--log-group-name-prefix', '/aws-glue/')) as { logGroups: Array<Record<string, unknown>> };
    expect(logGroups.map((g) => g.logGroupName)).toEqual(['/aws-glue/jobs/error', '/aws-glue/jobs/output']);
    expect(logGroups[1]).toMatchObject({ retentionInDays: 30, arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/output:*' });
    // A CLI whose model predates log group classes drops the member it does not know; a newer one shows it.
    if (await cliKnows('logs', 'describe-log-groups', 'logGroupClass')) expect(logGroups[1]).toMatchObject({ logGroupClass: 'STANDARD' });
  }, 60_000);

  it('logs get-log-events reads a stream forward with --next-token until the token comes back unchanged, and back again', async () => {
    type Page = { events: Array<{ message: string; timestamp: number }>; nextForwardToken: string; nextBackwardToken: string };
    const read = async (...extra: string[]) =>
      JSON.parse(await cli('logs', 'get-log-events', '--log-group-name', '/aws-glue/jobs/output', '--log-stream-name', glueRun, '--limit', '1', ...extra)) as Page;
    const first = await read('--start-from-head');
    expect(first.events.map((e) => e.message)).toEqual([dated('Reading s3://arai-raw/reviews/ingest={now-2h:YYYY-MM-DD}/ as JSON lines')]);
    const second = await read('--start-from-head', '--next-token', first.nextForwardToken);
    expect(second.events[0]!.message).toMatch(/^Wrote 48213 records to /);
    const end = await read('--start-from-head', '--next-token', second.nextForwardToken);
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(second.nextForwardToken);
    const back = await read('--next-token', second.nextBackwardToken);
    expect(back.events).toEqual(first.events);
    const latest = await read();
    expect(latest.events).toEqual(second.events);
  }, 120_000);

  it('glue list-jobs pages through the job names (--page-size 1, or --max-results 1 and --next-token by hand)', async () => {
    if (await cliKnows('glue', 'list-jobs', '--page-size')) {
      expect(JSON.parse(await cli('glue', 'list-jobs', '--page-size', '1'))).toEqual({ JobNames: ['arai-processed-compact', 'arai-raw-to-processed'] });
    } else {
      // A CLI without the ListJobs paginator (Debian 12's 2.9) pages as the API does.
      const first = JSON.parse(await cli('glue', 'list-jobs', '--max-results', '1')) as { JobNames: string[]; NextToken?: string };
      expect(first.JobNames).toEqual(['arai-processed-compact']);
      const second = JSON.parse(await cli('glue', 'list-jobs', '--max-results', '1', '--next-token', first.NextToken!)) as { JobNames: string[]; NextToken?: string };
      expect(second).toEqual({ JobNames: ['arai-raw-to-processed'] });
    }
    expect(JSON.parse(await cli('glue', 'list-jobs', '--tags', 'stage=compaction'))).toEqual({ JobNames: ['arai-processed-compact'] });
  }, 60_000);

  it('iam list-roles, list-role-policies, get-role-policy and list-attached-role-policies show inline and attached policies', async () => {
    const roles = JSON.parse(await cli('iam', 'list-roles', '--page-size', '1')) as { Roles: Array<{ RoleName: string; Arn: string; AssumeRolePolicyDocument: { Statement: unknown[] } }> };
    expect(roles.Roles.map((r) => r.RoleName)).toEqual(['arai-glue-role', 'arai-sfn-role', 'arai-snowflake-external-stage', 'github-actions-terraform']);
    expect(roles.Roles[1]!.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(JSON.parse(await cli('iam', 'list-role-policies', '--role-name', 'arai-sfn-role'))).toEqual({ PolicyNames: ['execution-events', 'run-glue-jobs'] });
    const inline = JSON.parse(await cli('iam', 'get-role-policy', '--role-name', 'arai-sfn-role', '--policy-name', 'run-glue-jobs')) as { PolicyDocument: { Statement: Array<{ Resource: string }> } };
    expect(inline.PolicyDocument.Statement[0]!.Resource).toBe('arn:aws:glue:eu-west-1:123456789012:job/arai-*');
    expect(JSON.parse(await cli('iam', 'list-attached-role-policies', '--role-name', 'arai-sfn-role'))).toEqual({
      AttachedPolicies: [{ PolicyName: 'arai-sfn-log-delivery', PolicyArn: 'arn:aws:iam::123456789012:policy/service-role/arai-sfn-log-delivery' }],
    });
  }, 120_000);

  it('iam get-policy, get-policy-version and list-policies read the managed policies, and simulate-principal-policy evaluates them', async () => {
    const arn = 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole';
    const { Policy } = JSON.parse(await cli('iam', 'get-policy', '--policy-arn', arn)) as { Policy: Record<string, unknown> };
    expect(Policy).toMatchObject({ PolicyName: 'AWSGlueServiceRole', DefaultVersionId: 'v5', AttachmentCount: 1, Path: '/service-role/' });
    const { PolicyVersion } = JSON.parse(await cli('iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v5')) as { PolicyVersion: { Document: { Statement: Array<{ Action: string[] }> }; IsDefaultVersion: boolean } };
    expect(PolicyVersion.IsDefaultVersion).toBe(true);
    expect(PolicyVersion.Document.Statement[0]!.Action).toContain('glue:*');
    const local = JSON.parse(await cli('iam', 'list-policies', '--scope', 'Local')) as { Policies: Array<{ PolicyName: string }> };
    expect(local.Policies.map((p) => p.PolicyName)).toEqual(['arai-sfn-log-delivery', 'arai-terraform-backend']);
    const simulated = JSON.parse(
      await cli('iam', 'simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::123456789012:role/arai-glue-role', '--action-names', 'glue:GetJob', 's3:DeleteBucket'),
    ) as { EvaluationResults: Array<{ EvalActionName: string; EvalDecision: string; MatchedStatements: Array<{ SourcePolicyId: string; SourcePolicyType: string }> }> };
    expect(simulated.EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision, r.MatchedStatements[0]?.SourcePolicyType])).toEqual([
      ['glue:GetJob', 'allowed', 'aws-managed'],
      ['s3:DeleteBucket', 'implicitDeny', undefined],
    ]);
  }, 120_000);

  it('stepfunctions describe-state-machine-for-execution returns the machine an execution ran', async () => {
    const execution = `arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:${dated('daily-{now-2h:YYYY-MM-DD}')}`;
    const machine = JSON.parse(await cli('stepfunctions', 'describe-state-machine-for-execution', '--execution-arn', execution)) as Record<string, string>;
    expect(machine).toMatchObject({ name: 'arai-ingestion', roleArn: 'arn:aws:iam::123456789012:role/arai-sfn-role' });
    expect(JSON.parse(machine.definition!).StartAt).toBe('RawToProcessed');
  }, 60_000);

  it('dynamodb describe-table names the lock table by an ARN in the sandbox region and account', async () => {
    const { Table } = JSON.parse(await cli('dynamodb', 'describe-table', '--table-name', 'terraform-state-lock')) as { Table: { TableArn: string } };
    expect(Table.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/terraform-state-lock');
  }, 60_000);

  it('cloudtrail lookup-events filters write events, pages with --page-size, and carries each CloudTrailEvent record', async () => {
    type Events = { Events: Array<{ EventName: string; ReadOnly: string; Username?: string; EventTime: number; Resources: Array<{ ResourceName: string }>; CloudTrailEvent: string }> };
    const all = JSON.parse(await cli('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=false')) as Events;
    expect(all.Events.length).toBe(6);
    expect(all.Events.every((e) => e.ReadOnly === 'false')).toBe(true);
    expect(all.Events.map((e) => e.EventTime)).toEqual([...all.Events.map((e) => e.EventTime)].sort((a, b) => b - a));
    const paged = JSON.parse(await cli('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=false', '--page-size', '2')) as Events;
    expect(paged.Events.map((e) => e.EventName)).toEqual(all.Events.map((e) => e.EventName));
    const update = all.Events.find((e) => e.Username === 'GitHubActions' && e.EventName === 'UpdateJob')!;
    expect(update.Resources).toEqual([{ ResourceType: 'AWS::Glue::Job', ResourceName: 'arai-raw-to-processed' }]);
    expect(JSON.parse(update.CloudTrailEvent)).toMatchObject({ eventName: 'UpdateJob', readOnly: false, userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::123456789012:role/github-actions-terraform' } } } });
    const byName = JSON.parse(await cli('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=Username,AttributeValue=sam')) as Events;
    expect(byName.Events.map((e) => e.EventName)).toEqual(['UpdateJob']);
    await expect(cli('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=false', 'AttributeKey=EventName,AttributeValue=UpdateJob')).rejects.toMatchObject({ stderr: expect.stringContaining('(InvalidLookupAttributesException)') });
  }, 60_000);

  it('s3api delete-object and delete-objects, and s3 rm --recursive, clean up what a drill staged; each is logged as a mutation', async () => {
    const staged = mkdtempSync(path.join(os.tmpdir(), 'runbook-aws-cli-drill-'));
    try {
      for (const name of ['a.json', 'b.json', 'c.json', 'd.json']) writeFileSync(path.join(staged, name), '{"drill": true}\n');
      await cli('s3', 'cp', staged, 's3://arai-raw/drill/', '--recursive');
      const listed = async () => ((JSON.parse((await cli('s3api', 'list-objects-v2', '--bucket', 'arai-raw', '--prefix', 'drill/')) || '{}') as { Contents?: Array<{ Key: string }> }).Contents ?? []).map((o) => o.Key);
      expect(await listed()).toEqual(['drill/a.json', 'drill/b.json', 'drill/c.json', 'drill/d.json']);
      await cli('s3api', 'delete-object', '--bucket', 'arai-raw', '--key', 'drill/a.json');
      const deleted = JSON.parse(await cli('s3api', 'delete-objects', '--bucket', 'arai-raw', '--delete', JSON.stringify({ Objects: [{ Key: 'drill/b.json' }] }))) as { Deleted: Array<{ Key: string }> };
      expect(deleted.Deleted).toEqual([{ Key: 'drill/b.json' }]);
      await cli('s3', 'rm', 's3://arai-raw/drill/', '--recursive');
      expect(await listed()).toEqual([]);
      const deletes = sandbox.calls.all().filter((c) => c.operation.startsWith('Delete'));
      expect(deletes.length).toBeGreaterThanOrEqual(3);
      expect(deletes.every((c) => c.mutates && c.status < 300)).toBe(true);
    } finally {
      rmSync(staged, { recursive: true, force: true });
    }
  }, 180_000);

  it('cloudwatch describe-alarms and list-dashboards (the CLI sends awsQuery) show the ExecutionsFailed alarm and the pipeline dashboard', async () => {
    const { MetricAlarms } = JSON.parse(await cli('cloudwatch', 'describe-alarms', '--alarm-names', 'arai-ingestion-executions-failed')) as { MetricAlarms: Array<Record<string, unknown>> };
    expect(MetricAlarms).toHaveLength(1);
    expect(MetricAlarms[0]).toMatchObject({
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion' }],
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts'],
      ActionsEnabled: true,
      Threshold: 1,
    });
    const { DashboardEntries } = JSON.parse(await cli('cloudwatch', 'list-dashboards')) as { DashboardEntries: Array<{ DashboardName: string; DashboardArn: string }> };
    expect(DashboardEntries.map((d) => [d.DashboardName, d.DashboardArn])).toEqual([['arai-pipeline', 'arn:aws:cloudwatch::123456789012:dashboard/arai-pipeline']]);
    expect(sandbox.calls.all().filter((c) => c.service === 'cloudwatch').map((c) => [c.operation, c.status]).slice(-2)).toEqual([['DescribeAlarms', 200], ['ListDashboards', 200]]);
  }, 60_000);

  it('events list-rules and list-targets-by-rule show the Glue failure rule and its SNS target (awsJson1_1)', async () => {
    const { Rules } = JSON.parse(await cli('events', 'list-rules', '--name-prefix', 'arai-glue')) as { Rules: Array<{ Name: string; State: string; EventPattern: string }> };
    expect(Rules.map((r) => [r.Name, r.State])).toEqual([['arai-glue-job-failed', 'ENABLED']]);
    expect(JSON.parse(Rules[0]!.EventPattern)).toMatchObject({ 'detail-type': ['Glue Job State Change'] });
    expect(JSON.parse(await cli('events', 'list-targets-by-rule', '--rule', 'arai-glue-job-failed'))).toEqual({ Targets: [{ Id: 'platform-alerts', Arn: 'arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts' }] });
  }, 60_000);

  it('sns get-topic-attributes and list-subscriptions-by-topic read the alert topic (query protocol, XML)', async () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts';
    const { Attributes } = JSON.parse(await cli('sns', 'get-topic-attributes', '--topic-arn', topic)) as { Attributes: Record<string, string> };
    expect(Attributes).toMatchObject({ TopicArn: topic, SubscriptionsConfirmed: '2', SubscriptionsPending: '0' });
    const { Subscriptions } = JSON.parse(await cli('sns', 'list-subscriptions-by-topic', '--topic-arn', topic)) as { Subscriptions: Array<{ Protocol: string; Endpoint: string }> };
    expect(Subscriptions.map((s) => s.Protocol)).toEqual(['email', 'https']);
    await expect(cli('sns', 'list-subscriptions-by-topic', '--topic-arn', `${topic}-gone`)).rejects.toMatchObject({ stderr: expect.stringContaining('(NotFound)') });
  }, 60_000);

  it('budgets describe-budgets answers NotFoundException for an account without budgets, and logs describe-subscription-filters lists none', async () => {
    await expect(cli('budgets', 'describe-budgets', '--account-id', '123456789012')).rejects.toMatchObject({ stderr: expect.stringContaining('(NotFoundException)') });
    expect(JSON.parse(await cli('logs', 'describe-subscription-filters', '--log-group-name', '/aws-glue/jobs/output'))).toEqual({ subscriptionFilters: [] });
  }, 60_000);

  it.each([
    ['glue', 'list-crawlers', 'UnknownOperationException', 400],
    ['logs', 'describe-metric-filters', 'UnknownOperationException', 400],
    ['stepfunctions', 'list-activities', 'UnknownOperationException', 400],
    ['dynamodb', 'list-backups', 'UnknownOperationException', 400],
    ['iam', 'list-users', 'InvalidAction', 400],
    ['sts', 'get-session-token', 'InvalidAction', 400],
    ['cloudwatch', 'list-metrics', 'InvalidAction', 400],
    ['sns', 'list-topics', 'InvalidAction', 400],
    ['events', 'list-event-buses', 'UnknownOperationException', 400],
    ['s3api', 'get-bucket-tagging --bucket arai-raw', 'NotImplemented', 501],
  ])('%s %s, which the sandbox does not serve, fails at once with %s (%i), in one call the CLI does not retry', async (service, command, code, status) => {
    const before = sandbox.calls.all().length;
    await expect(cli(service, ...command.split(' '))).rejects.toMatchObject({ stderr: expect.stringContaining(`(${code})`) });
    expect(sandbox.calls.all().slice(before).map((c) => c.status)).toEqual([status]);
  }, 60_000);

  it('a missing bucket is the NoSuchBucket error the CLI names', async () => {
    await expect(cli('s3api', 'list-objects-v2', '--bucket', 'no-such-bucket')).rejects.toMatchObject({ stderr: expect.stringMatching(/NoSuchBucket/) });
  }, 60_000);

  it.each([
    ['glue get-job-runs --job-name arai-raw-to-processed', 'AccessDeniedException', 'GetJobRuns', 'glue:GetJobRuns on resource: arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed'],
    ['s3api list-objects-v2 --bucket arai-processed', 'AccessDenied', 'ListObjectsV2', 's3:ListBucket on resource: "arn:aws:s3:::arai-processed"'],
    ['iam get-role --role-name arai-sfn-role', 'AccessDenied', 'GetRole', 'iam:GetRole on resource: role arai-sfn-role'],
    ['dynamodb scan --table-name terraform-state-lock', 'AccessDeniedException', 'Scan', 'dynamodb:Scan on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/terraform-state-lock'],
  ])('under a caller policy, %s fails with the service\'s own %s, naming the caller and the denied action', async (command, code, operation, denied) => {
    const [service, ...rest] = command.split(' ');
    sandbox.setCallerPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'states:List*', Resource: '*' }] });
    try {
      await expect(cli(service!, ...rest)).rejects.toMatchObject({
        stderr: expect.stringContaining(`An error occurred (${code}) when calling the ${operation} operation: User: arn:aws:iam::123456789012:user/sandbox-oncall is not authorized to perform: ${denied} because no identity-based policy allows the`),
      });
      expect(JSON.parse(await cli('stepfunctions', 'list-state-machines'))).toMatchObject({ stateMachines: expect.any(Array) });
    } finally {
      sandbox.setCallerPolicy(null);
    }
  }, 60_000);
});
