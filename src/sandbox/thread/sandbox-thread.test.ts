import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallerPolicyError } from '../authorization/caller-policy';
import { WorldError } from '../world/load-world';
import { spawnSandboxThread } from './sandbox-thread';

describe('the embedded sandbox in a thread of its own', () => {
  it('serves the world it is told over HTTP, names its dbt project, and removes it when stopped', async () => {
    const thread = spawnSandboxThread();
    thread.start({ world: 'glue-corrupt-json' });
    const sandbox = await thread.ready;
    expect(sandbox.world.name).toBe('glue-corrupt-json');
    const answer = (await (await fetch(`${sandbox.url}/_sandbox/world`)).json()) as { world: string };
    expect(answer.world).toBe('glue-corrupt-json');
    const settings = sandbox.environment();
    expect(settings.AWS_ENDPOINT_URL).toBe(sandbox.url);
    expect(existsSync(settings.DBT_PROJECT_DIR!)).toBe(true);
    await thread.stop();
    expect(existsSync(settings.DBT_PROJECT_DIR!)).toBe(false);
    await expect(fetch(`${sandbox.url}/_sandbox/world`)).rejects.toThrow();
    await thread.stop(); // a second stop is the first one's
  });

  it('loads the handlers of the services it is told a run calls, passing over unknown names, and serves them', async () => {
    const thread = spawnSandboxThread();
    thread.start({ world: 'healthy' });
    thread.prepare(['sts', 'no-such-service', 'constructor']);
    const sandbox = await thread.ready;
    const identity = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(await identity.text()).toMatch(/<GetCallerIdentityResponse|<ErrorResponse/);
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as { service: string; operation: string }[];
    expect(calls.map((call) => `${call.service} ${call.operation}`)).toEqual(['sts GetCallerIdentity']);
    await thread.stop();
  });

  it('spawned to end with its process, is told to stop without being waited for, and still removes its files as it ends', async () => {
    const thread = spawnSandboxThread({ endsWithProcess: true });
    thread.start({ world: 'glue-corrupt-json' });
    const dir = (await thread.ready).environment().DBT_PROJECT_DIR!;
    expect(existsSync(dir)).toBe(true);
    await thread.stop();
    await expect.poll(() => existsSync(dir), { timeout: 5_000 }).toBe(false);
  });

  it('enforces the caller policy it is given', async () => {
    const thread = spawnSandboxThread();
    thread.start({ world: 'healthy', callerPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' }] } });
    const sandbox = await thread.ready;
    const policy = (await (await fetch(`${sandbox.url}/_sandbox/caller-policy`)).json()) as { callerPolicy: { Statement: unknown } };
    expect(policy.callerPolicy.Statement).toEqual([{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' }]);
    await thread.stop();
  });

  it('rejects with the error the sandbox itself throws for an unknown world or a bad caller policy, and ends the thread', async () => {
    const unknown = spawnSandboxThread();
    unknown.start({ world: 'no-such-world' });
    const worldError = await unknown.ready.catch((error: unknown) => error);
    expect(worldError).toBeInstanceOf(WorldError);
    expect((worldError as Error).message).toMatch(/^Unknown world "no-such-world", expected one of: .*healthy/);
    await unknown.stop();

    const badPolicy = spawnSandboxThread();
    badPolicy.start({ world: 'healthy', callerPolicy: { Statement: [{ Effect: 'Perhaps' }] } });
    const policyError = await badPolicy.ready.catch((error: unknown) => error);
    expect(policyError).toBeInstanceOf(CallerPolicyError);
    expect((policyError as Error).message).toContain('Statement');
    await badPolicy.stop();
  });

  it('ends at once when stopped before it was told a world, and its ready promise says so', async () => {
    const thread = spawnSandboxThread();
    await thread.stop();
    await expect(thread.ready).rejects.toThrow(/sandbox thread ended \(exit code \d+\) before the sandbox was ready/);
    thread.start({ world: 'healthy' }); // too late: nothing starts
  });
});
