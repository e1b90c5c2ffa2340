import { request } from 'node:http';
import { DescribeStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { startSandbox, type Sandbox } from '../sandbox';

const machineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';
let sandbox: Sandbox;
let sfn: ReturnType<typeof sandboxSdkClients>['sfn'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  sfn = sandboxSdkClients(sandbox.url).sfn;
});
afterAll(async () => {
  sfn?.destroy();
  await sandbox.stop();
});
beforeEach(() => {
  sandbox.setFaults([]);
  sandbox.calls.clear();
});

/** One raw POST of an awsJson1_0 call, to see exactly what the wire carries. */
function rawCall(target: string, timeoutMs = 2_000): Promise<{ status?: number; headers?: Record<string, unknown>; body: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(`${sandbox.url}/`, { method: 'POST', headers: { 'x-amz-target': `AWSStepFunctions.${target}`, 'content-type': 'application/x-amz-json-1.0' }, timeout: timeoutMs });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), error: error.message }));
      res.on('aborted', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), error: 'aborted' }));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ body: '', error: 'timeout' });
    });
    req.on('error', (error) => resolve({ body: '', error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(JSON.stringify({ stateMachineArn: machineArn }));
  });
}

/** The length of the untouched answer, for comparison. */
async function rawCallLength(): Promise<number> {
  const faults = sandbox.faults.list();
  sandbox.setFaults([]);
  const answer = await rawCall('DescribeStateMachine');
  sandbox.setFaults(faults);
  return answer.body.length;
}

describe('faults injected into the sandbox reach the real clients on the wire', () => {
  it('a 200 with an empty body reaches the SDK as an answer without the definition', async () => {
    sandbox.setFaults([{ service: 'sfn', operation: 'DescribeStateMachine', effect: { kind: 'empty-body' } }]);
    const answer = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }));
    expect(answer.definition).toBeUndefined();
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(sandbox.calls.all().at(-1)).toMatchObject({ operation: 'DescribeStateMachine', fault: 'empty-body' });
  });

  it('matches by service and operation only: other operations are answered as usual', async () => {
    sandbox.setFaults([{ service: 'sfn', operation: 'DescribeStateMachine', effect: { kind: 'empty-body' } }]);
    const list = await sfn.send(new ListStateMachinesCommand({}));
    expect(list.stateMachines?.length).toBeGreaterThan(0);
  });

  it('an HTML sign-in page comes back as a 200 of text/html', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'html-page' } }]);
    const answer = await rawCall('DescribeStateMachine');
    expect(answer.status).toBe(200);
    expect(answer.headers?.['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toMatch(/<html>.*Sign in/);
  });

  it('a malformed body is complete on the wire but not valid JSON', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'malformed-body' } }]);
    const answer = await rawCall('DescribeStateMachine');
    expect(answer.status).toBe(200);
    expect(answer.error).toBeUndefined();
    expect(() => JSON.parse(answer.body)).toThrow();
  });

  it('a truncated body ends the connection before the promised length', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'truncated-body' } }]);
    const answer = await rawCall('DescribeStateMachine');
    expect(answer.error).toBeDefined();
    expect(answer.body.length).toBeGreaterThan(0);
    expect(answer.body.length).toBeLessThan(await rawCallLength());
  });

  it('a reset closes the connection with no answer, and the SDK raises a network error', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'reset' } }]);
    expect((await rawCall('DescribeStateMachine')).error).toMatch(/ECONNRESET|socket hang up/);
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }))).rejects.toThrow();
  });

  it('a hang never answers, so the client gives up on its own timeout', async () => {
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'hang' } }]);
    expect(await rawCall('DescribeStateMachine', 300)).toMatchObject({ error: 'timeout' });
  });

  it('a status fault answers with the given status and body', async () => {
    const body = JSON.stringify({ __type: 'ServiceUnavailable', message: 'try later' });
    sandbox.setFaults([{ service: 'sfn', effect: { kind: 'status', status: 503, body, headers: { 'content-type': 'application/x-amz-json-1.0' } } }]);
    const answer = await rawCall('DescribeStateMachine');
    expect(answer).toMatchObject({ status: 503, body });
  });

  it('times makes a transient fault: only the first N matching calls are hit', async () => {
    sandbox.setFaults([{ service: 'sfn', times: 1, effect: { kind: 'status', status: 500 } }]);
    expect((await rawCall('DescribeStateMachine')).status).toBe(500);
    expect((await rawCall('DescribeStateMachine')).status).toBe(200);
  });

  it('latency holds the answer, adds up with another fault, and is recorded in the call log', async () => {
    sandbox.setFaults([
      { effect: { kind: 'latency', ms: 120 } },
      { service: 'sfn', effect: { kind: 'status', status: 500 } },
    ]);
    const started = process.hrtime.bigint();
    const answer = await rawCall('DescribeStateMachine');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(110);
    expect(answer.status).toBe(500);
    expect(sandbox.calls.all().at(-1)?.fault).toBe('latency+status');
  });

  it('control: POST /_sandbox/faults replaces the faults and refuses an invalid document with 400', async () => {
    const set = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify([{ service: 'glue', effect: { kind: 'reset' } }]) });
    expect(set.status).toBe(200);
    expect(await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()).toEqual([{ service: 'glue', rate: 1, effect: { kind: 'reset' } }]);
    const bad = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify([{ effect: { kind: 'explode' } }]) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/effect\.kind/);
  });
});

describe('faults from a world file', () => {
  it('a world with faults loads them; replacing the world replaces them', async () => {
    const { mkdtemp, mkdir, writeFile, cp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { worldsDir } = await import('../world/load-world');
    const dir = await mkdtemp(path.join(tmpdir(), 'worlds-'));
    try {
      await cp(path.join(worldsDir, 'healthy'), path.join(dir, 'healthy'), { recursive: true });
      await mkdir(path.join(dir, 'slow'));
      await writeFile(path.join(dir, 'slow', 'world.json'), JSON.stringify({ description: 'slow', extends: 'healthy', faults: [{ effect: { kind: 'latency', ms: 5 } }] }));
      const slow = await startSandbox({ world: 'slow', worldsDir: dir });
      try {
        expect(slow.faults.list()).toEqual([{ rate: 1, effect: { kind: 'latency', ms: 5 } }]);
        await slow.loadWorld('healthy');
        expect(slow.faults.list()).toEqual([]);
      } finally {
        await slow.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
