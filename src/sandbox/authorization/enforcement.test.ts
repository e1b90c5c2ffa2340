import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetJobCommand, GetJobRunsCommand, GetJobsCommand } from '@aws-sdk/client-glue';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { GetBucketAclCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ListExecutionsCommand, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { jsonOperation, serveJsonOperations } from '../aws-json/operations';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { sandboxCredentials } from '../credentials';
import { loadIamState } from '../iam/load';
import { startSandbox, type Sandbox } from '../sandbox';
import { authorizeRequest } from './authorize';
import { CallerPolicyError, parseCallerPolicy } from './caller-policy';
import { unconsultedDenial } from './unconsulted';

const caller = 'arn:aws:iam::123456789012:user/sandbox-oncall';
const job = 'arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed';
const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';

let sandbox: Sandbox;
let clients: ReturnType<typeof sandboxSdkClients>;
let dynamodb: DynamoDBClient;
let sts: STSClient;

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  clients = sandboxSdkClients(sandbox.url);
  const config = { endpoint: sandbox.url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 };
  dynamodb = new DynamoDBClient(config);
  sts = new STSClient(config);
});
afterAll(async () => {
  for (const client of [...Object.values(clients), dynamodb, sts]) client.destroy();
  await sandbox.stop();
});
beforeEach(() => sandbox.setCallerPolicy(null));

/** What a rejected call threw: its error name, HTTP status and message. */
async function rejection(call: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('the call was allowed');
}

describe('the sandbox enforces a caller policy as IAM evaluates it, answering in each protocol\'s own shape', () => {
  it('lets everything through when no policy is enforced', async () => {
    expect(sandbox.callerPolicy).toBeNull();
    await expect(clients.glue.send(new GetJobsCommand({}))).resolves.toMatchObject({ Jobs: expect.any(Array) });
  });

  it('AWS JSON: AccessDeniedException (HTTP 400) naming the caller, the action and the resource; an implicit and an explicit deny', async () => {
    sandbox.setCallerPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'GLUE:get*', Resource: 'arn:aws:glue:eu-west-1:123456789012:job/arai-???-to-*' }, { Effect: 'Deny', Action: 'glue:GetJob', Resource: job }] });
    await expect(clients.glue.send(new GetJobRunsCommand({ JobName: 'arai-raw-to-processed' }))).resolves.toMatchObject({ JobRuns: expect.any(Array) });
    expect(await rejection(clients.glue.send(new GetJobsCommand({})))).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: ${caller} is not authorized to perform: glue:GetJobs on resource: * because no identity-based policy allows the glue:GetJobs action`,
    });
    expect(await rejection(clients.glue.send(new GetJobCommand({ JobName: 'arai-raw-to-processed' })))).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${caller} is not authorized to perform: glue:GetJob on resource: ${job} with an explicit deny in an identity-based policy`,
    });
    expect(await rejection(clients.glue.send(new GetJobRunsCommand({ JobName: 'arai-processed-compact' })))).toMatchObject({ name: 'AccessDeniedException' });
    const denied = sandbox.calls.all().filter((call) => call.denied);
    expect(denied.map((call) => [call.operation, call.denied, call.status, call.mutates])).toEqual([
      ['GetJobs', 'glue:GetJobs', 400, false],
      ['GetJob', 'glue:GetJob', 400, false],
      ['GetJobRuns', 'glue:GetJobRuns', 400, false],
    ]);
  });

  it('NotAction and NotResource, with the statement as an object', async () => {
    sandbox.setCallerPolicy({ Statement: { Effect: 'Allow', NotAction: ['glue:*', 'iam:*'], NotResource: `${machine}-other` } });
    await expect(clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: machine }))).resolves.toMatchObject({ executions: expect.any(Array) });
    expect(await rejection(clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: `${machine}-other` })))).toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('states:ListExecutions on resource: arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion-other because') });
    expect(await rejection(clients.glue.send(new GetJobsCommand({})))).toMatchObject({ name: 'AccessDeniedException' });
  });

  it('S3: 403 AccessDenied, ListObjectsV2 as s3:ListBucket on the bucket, HeadObject as s3:GetObject on the object (403 without a body)', async () => {
    sandbox.setCallerPolicy({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::arai-raw/*' }] });
    expect(await rejection(clients.s3.send(new ListObjectsV2Command({ Bucket: 'arai-raw' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${caller} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::arai-raw" because no identity-based policy allows the s3:ListBucket action`,
    });
    // Allowed, so S3 goes on to say the key is not there.
    expect(await rejection(clients.s3.send(new HeadObjectCommand({ Bucket: 'arai-raw', Key: 'no/such/key' })))).toMatchObject({ status: 404 });
    expect(await rejection(clients.s3.send(new HeadObjectCommand({ Bucket: 'arai-processed', Key: 'any' })))).toMatchObject({ status: 403 });
    expect(sandbox.calls.all().at(-1)).toMatchObject({ operation: 'HeadObject', denied: 's3:GetObject', status: 403 });
    // Denied before the bucket is looked up, as S3 does: a caller without s3:ListBucket cannot learn that a bucket is missing.
    expect(await rejection(clients.s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('IAM (query protocol): 403 AccessDenied, a role named as IAM names it; DynamoDB: its own AccessDeniedException', async () => {
    sandbox.setCallerPolicy({ Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }] });
    expect(await rejection(clients.iam.send(new GetRoleCommand({ RoleName: 'arai-sfn-role' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${caller} is not authorized to perform: iam:GetRole on resource: role arai-sfn-role because no identity-based policy allows the iam:GetRole action`,
    });
    expect(await rejection(dynamodb.send(new ScanCommand({ TableName: 'terraform-state-lock' })))).toEqual({
      name: 'AccessDeniedException',
      status: 400,
      message: `User: ${caller} is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/terraform-state-lock because no identity-based policy allows the dynamodb:Scan action`,
    });
  });

  it('lets sts:GetCallerIdentity through whatever the policy says, as AWS does', async () => {
    sandbox.setCallerPolicy({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: caller });
  });

  it('changes nothing when it denies a write', async () => {
    sandbox.setCallerPolicy({ Statement: [{ Effect: 'Allow', Action: 'states:List*', Resource: '*' }] });
    const before = sandbox.calls.mutations().length;
    const denied = await rejection(clients.sfn.send(new RedriveExecutionCommand({ executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:any' })));
    expect(denied).toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('states:RedriveExecution') });
    expect(sandbox.calls.mutations().length).toBe(before);
  });

  it('denies an operation it has no IAM mapping for, saying so, in any protocol', async () => {
    sandbox.setCallerPolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(await rejection(clients.s3.send(new GetBucketAclCommand({ Bucket: 'arai-raw' })))).toMatchObject({ name: 'AccessDenied', status: 403, message: expect.stringMatching(/has no IAM mapping .* for s3 GET \?acl/) });
    const unmapped = { Frobnicate: jsonOperation({ input: z.object({}), mutates: false, run: () => ({ body: {} }) }) };
    const request = { method: 'POST', url: new URL('http://127.0.0.1/'), headers: { 'x-amz-target': 'AWSNewService.Frobnicate' }, body: Buffer.from('{}') };
    const iam = loadIamState({});
    const policy = parseCallerPolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'test');
    const reply = serveJsonOperations({ version: '1.1', invalidTokenType: 'InvalidToken' }, unmapped, request, { states: {}, clock: { now: () => new Date() }, baseUrl: '', authorize: (req, operation, permissions) => authorizeRequest(policy, iam, 'newservice', req, operation, permissions) });
    expect(reply.response.status).toBe(400);
    expect(JSON.parse(String(reply.response.body))).toMatchObject({ __type: 'AccessDeniedException', message: expect.stringContaining('not authorized to perform: newservice:Frobnicate: the sandbox has no IAM mapping') });
    expect(reply.call).toMatchObject({ denied: 'newservice:Frobnicate', mutates: false });
  });

  it('replaces the successful answer of an AWS service that never asked the caller policy, in its protocol\'s shape', () => {
    const json = { response: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"trailList":[]}' }, call: { operation: 'DescribeTrails', mutates: false } };
    const denied = unconsultedDenial('cloudtrail', json, false, caller)!;
    expect(denied.response.status).toBe(400);
    expect(JSON.parse(String(denied.response.body))).toEqual({ __type: 'AccessDeniedException', message: expect.stringMatching(/^User: arn:aws:iam::123456789012:user\/sandbox-oncall is not authorized to perform: cloudtrail:DescribeTrails: the sandbox's cloudtrail service answers without declaring/) });
    expect(denied.call).toMatchObject({ denied: 'cloudtrail:DescribeTrails' });
    const xml = { response: { status: 200, headers: { 'content-type': 'text/xml' }, body: '<ListTopicsResponse/>' }, call: { operation: 'ListTopics', mutates: false } };
    expect(unconsultedDenial('sns', xml, false, caller)!.response).toMatchObject({ status: 403, body: expect.stringContaining('<Type>Sender</Type><Code>AccessDenied</Code>') });
    expect(unconsultedDenial('cloudtrail', json, true, caller)).toBeNull();
    expect(unconsultedDenial('snowflake', json, false, caller)).toBeNull();
    expect(unconsultedDenial('cloudtrail', { ...json, response: { ...json.response, status: 400 } }, false, caller)).toBeNull();
  });

  it('refuses a caller policy that is not a policy document, naming where it came from', () => {
    expect(() => sandbox.setCallerPolicy({ Statement: [{ Effect: 'Perhaps', Action: '*' }] })).toThrow(CallerPolicyError);
    expect(() => parseCallerPolicy({ Statement: [{ Effect: 'Perhaps' }] }, 'policy.json')).toThrow(/Unexpected caller policy in policy\.json: Statement\.0\.Effect: .*expected an IAM policy document/);
  });
});

describe('a world can enforce a caller policy (callerPolicy in world.json), which the options replace', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-caller-policy-'));
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'world.json'), JSON.stringify({ description: 'Only Glue reads', callerPolicy: { Statement: { Effect: 'Allow', Action: 'glue:Get*', Resource: '*' } } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('enforces the world\'s policy, and the options\' instead when given', async () => {
    const locked = await startSandbox({ world: 'locked', worldsDir: dir });
    const own = await startSandbox({ world: 'locked', worldsDir: dir, callerPolicy: { Statement: [{ Effect: 'Deny', Action: 'glue:*', Resource: '*' }] } });
    try {
      const [a, b] = [sandboxSdkClients(locked.url), sandboxSdkClients(own.url)];
      await expect(a.glue.send(new GetJobsCommand({}))).resolves.toMatchObject({ Jobs: [] });
      expect(await rejection(a.sfn.send(new ListExecutionsCommand({ stateMachineArn: machine })))).toMatchObject({ name: 'AccessDeniedException' });
      expect(await rejection(b.glue.send(new GetJobsCommand({})))).toMatchObject({ message: expect.stringContaining('with an explicit deny') });
      for (const client of [...Object.values(a), ...Object.values(b)]) client.destroy();
    } finally {
      await Promise.all([locked.stop(), own.stop()]);
    }
  });
});
