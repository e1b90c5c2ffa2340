import { GetJobCommand } from '@aws-sdk/client-glue';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { traceHeader } from '../../clients/call-trace';
import { sandboxAirflowToken } from '../airflow/credentials';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { sandboxGithubToken } from '../github/token';
import { startSandbox, type Sandbox } from '../sandbox';

const machineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';
let sandbox: Sandbox;
let clients: ReturnType<typeof sandboxSdkClients>;

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  clients = sandboxSdkClients(sandbox.url);
});
afterAll(async () => {
  for (const client of Object.values(clients ?? {})) client.destroy();
  await sandbox.stop();
});
beforeEach(() => sandbox.setFaults([]));

/** The name of what a promise rejects with. */
const nameOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: Error) => error.name);

describe('throttling reaches each client in its protocol’s own form', () => {
  it('AWS JSON: ThrottlingException with HTTP 400', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'throttle' } }, { service: 'glue', effect: { kind: 'throttle' } }]);
    const error = await clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn })).catch((e: { name: string; $metadata: { httpStatusCode: number } }) => e);
    expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    expect(await nameOf(clients.glue.send(new GetJobCommand({ JobName: 'arai-raw-to-processed' })))).toBe('ThrottlingException');
  });

  it('IAM (query protocol): Throttling in an XML ErrorResponse; S3: SlowDown with HTTP 503', async () => {
    sandbox.setFaults([{ service: 'iam', effect: { kind: 'throttle' } }, { service: 's3', effect: { kind: 'throttle' } }]);
    expect(await nameOf(clients.iam.send(new GetRoleCommand({ RoleName: 'x' })))).toBe('Throttling');
    const error = await clients.s3.send(new ListObjectsV2Command({ Bucket: 'arai-raw' })).catch((e: { name: string; $metadata: { httpStatusCode: number } }) => e);
    expect(error).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
  });

  it('GitHub: 403 with x-ratelimit-remaining 0 and a reset time, or 429 with retry-after', async () => {
    sandbox.setFaults([{ service: 'github', effect: { kind: 'throttle' } }]);
    const primary = await fetch(`${sandbox.url}/github/rate_limit`, { headers: { authorization: `token ${sandboxGithubToken}` } });
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    sandbox.setFaults([{ service: 'github', effect: { kind: 'throttle', status: 429 } }]);
    const secondary = await fetch(`${sandbox.url}/github/rate_limit`, { headers: { authorization: `token ${sandboxGithubToken}` } });
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get('retry-after')).toBe('1');
  });

  it('Airflow: 429 with retry-after, or 503; Snowflake: HTTP 429 or 503', async () => {
    sandbox.setFaults([{ service: 'airflow', effect: { kind: 'throttle' } }, { service: 'snowflake', effect: { kind: 'throttle', status: 503 } }]);
    const airflow = await fetch(`${sandbox.url}/airflow/api/v2/dags/amazon_reviews_dbt/dagRuns`, { headers: { authorization: `Bearer ${sandboxAirflowToken}` } });
    expect(airflow.status).toBe(429);
    expect(airflow.headers.get('retry-after')).toBe('1');
    const snowflake = await fetch(`${sandbox.url}/queries/v1/query-request`, { method: 'POST', body: JSON.stringify({ sqlText: 'SELECT 1' }) });
    expect(snowflake.status).toBe(503);
  });
});

describe('expired credentials reach each client as the service reports them', () => {
  it('AWS: ExpiredTokenException (JSON), ExpiredToken (IAM, S3)', async () => {
    sandbox.setFaults([{ effect: { kind: 'expired-credentials' } }]);
    expect(await nameOf(clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn })))).toBe('ExpiredTokenException');
    expect(await nameOf(clients.iam.send(new GetRoleCommand({ RoleName: 'x' })))).toBe('ExpiredToken');
    expect(await nameOf(clients.s3.send(new ListObjectsV2Command({ Bucket: 'arai-raw' })))).toBe('ExpiredToken');
  });

  it('Snowflake: success false with 390112 on a query and 390114 on a login; Airflow 401; GitHub 401 Bad credentials', async () => {
    sandbox.setFaults([{ effect: { kind: 'expired-credentials' } }]);
    const query = (await (await fetch(`${sandbox.url}/queries/v1/query-request`, { method: 'POST', body: JSON.stringify({ sqlText: 'SELECT 1' }) })).json()) as { success: boolean; code: string };
    expect(query).toMatchObject({ success: false, code: '390112' });
    const login = (await (await fetch(`${sandbox.url}/session/v1/login-request`, { method: 'POST', body: JSON.stringify({ data: {} }) })).json()) as { success: boolean; code: string };
    expect(login).toMatchObject({ success: false, code: '390114' });
    expect((await fetch(`${sandbox.url}/airflow/api/v2/dags/amazon_reviews_dbt/dagRuns`)).status).toBe(401);
    const github = await fetch(`${sandbox.url}/github/rate_limit`);
    expect(github.status).toBe(401);
    expect(((await github.json()) as { message: string }).message).toBe('Bad credentials');
  });
});

describe('per: call counts times for each call, so every call’s retry is answered', () => {
  it('hits the first attempt of each traced call and lets its retry through', async () => {
    sandbox.setFaults([{ service: 'sfn', times: 1, per: 'call', effect: { kind: 'status', status: 503 } }]);
    const call = (trace: string) =>
      fetch(`${sandbox.url}/`, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.DescribeStateMachine', 'content-type': 'application/x-amz-json-1.0', [traceHeader]: trace }, body: JSON.stringify({ stateMachineArn: machineArn }) }).then((r) => r.status);
    expect([await call('rt_1_3.2.1_'), await call('rt_1_3.2.1_'), await call('rt_2_3.2.1_'), await call('rt_2_3.2.1_')]).toEqual([503, 200, 503, 200]);
  });
});
