import { describe, expect, it } from 'vitest';
import type { StepServiceCall } from '../src/runner/step-attribution';
import type { CallRecord } from '../src/sandbox/core/call-log';
import { check, describeRun } from './support/cli';
import { runInWorld } from './support/project';

/** Sandbox calls a client makes no request for: GitHub's redirect targets, which fetch follows on its own. */
const followedRedirects = new Set(['GetArtifactBlob', 'GetLogBlob']);

const countBy = (items: Array<{ service: string }>) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.service] = (counts[item.service] ?? 0) + 1;
  return counts;
};

describe('every service call is heard from the client layer, attributed to its step', () => {
  it('across every scenario of a Glue incident: each client tells of exactly the calls the sandbox served', async () => {
    const heard: StepServiceCall[] = [];
    let served: CallRecord[] = [];
    const report = await runInWorld('glue-corrupt-json', [], { onServiceCall: (call) => heard.push(call), inspectSandbox: (sandbox) => (served = sandbox.calls.all()) });
    const sandboxSide = countBy(served.filter((c) => !followedRedirects.has(c.operation)));
    const clientSide = countBy(heard.filter((c) => c.service !== 'tcp'));
    expect(clientSide).toEqual(sandboxSide);
    expect(Object.keys(clientSide).sort()).toEqual(['airflow', 'budgets', 'cloudtrail', 'cloudwatch', 'dynamodb', 'events', 'github', 'glue', 'iam', 'logs', 's3', 'sfn', 'snowflake', 'sns']);
    // Every call succeeds but Budgets' answer for an account without budgets, which AWS gives as NotFoundException.
    const failed = heard.filter((c) => c.outcome !== 'ok').map((c) => `${c.service} ${c.operation}`);
    expect(failed).toEqual(['budgets DescribeBudgets']);
    expect(heard.every((c) => c.durationMs >= 0)).toBe(true);
    // every call a check made names its step; only the run's closing logout comes from no step
    const ran = new Set(report.results.map((r) => r.step));
    expect(heard.filter((c) => c.step === null).map((c) => `${c.service} ${c.operation}`)).toEqual(['snowflake logout']);
    expect(heard.filter((c) => c.step !== null).every((c) => ran.has(c.step!))).toBe(true);
    expect(heard.find((c) => c.step === '3.3.1' && c.service === 's3')).toMatchObject({ operation: 'GetBucketNotificationConfiguration' });
    expect(heard.find((c) => c.step === '3.6.s1' && c.service === 'github')?.operation).toMatch(/^GET \/repos\/\{owner\}\/\{repo\}\/actions\//);
  }, 180_000);

  it('tells of a failed call with its error and status, once however often the SDK retried', async () => {
    const heard: StepServiceCall[] = [];
    let served: CallRecord[] = [];
    await runInWorld('healthy', ['3.3.1'], {
      sandboxFaults: [{ service: 's3', operation: 'GetBucketNotificationConfiguration', effect: { kind: 'status', status: 500, body: '' } }],
      onServiceCall: (call) => heard.push(call),
      inspectSandbox: (sandbox) => (served = sandbox.calls.all()),
    });
    const failed = heard.filter((c) => c.service === 's3');
    expect(failed).toEqual([expect.objectContaining({ step: '3.3.1', operation: 'GetBucketNotificationConfiguration', outcome: 'error', error: expect.stringMatching(/\(500\)$/) })]);
    expect(served.filter((c) => c.operation === 'GetBucketNotificationConfiguration').length).toBeGreaterThan(1);
  }, 60_000);

  it('--verbose prints each call on standard error as it happens, and the report on standard output as usual', async () => {
    const run = await check('3.3.1', '--verbose', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toMatch(/^ {2}\[3\.3\.1\] s3 GetBucketNotificationConfiguration · \d+ ms · ok$/m);
    expect(run.stderr).toMatch(/^ {2}\[3\.3\.1\] snowflake SHOW EXTERNAL TABLES LIKE .* · \d+ ms · ok$/m);
    expect(run.stdout).toMatch(/^ {2}PASS {2}3\.3\.1 /m);
    expect(run.stdout).not.toContain('GetBucketNotificationConfiguration ·');
  }, 180_000);
});
