import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeLogGroupsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  paginateDescribeLogGroups,
  paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

const start = Date.parse('2026-11-20T10:00:00.000Z');
const at = (minute: number) => new Date(start + minute * 60_000).toISOString();
let sandbox: Sandbox;
let logs: ReturnType<typeof sandboxSdkClients>['logs'];
let worlds: string;

beforeAll(async () => {
  worlds = mkdtempSync(path.join(os.tmpdir(), 'runbook-logs-'));
  mkdirSync(path.join(worlds, 'w'));
  writeFileSync(path.join(worlds, 'w', 'world.json'), JSON.stringify({ description: 'log groups and a five-event stream' }));
  writeFileSync(
    path.join(worlds, 'w', 'logs.json'),
    JSON.stringify({
      logGroups: {
        '/aws-glue/jobs/output': { createdOn: at(-600), retentionInDays: 30, streams: { run: [0, 1, 2, 3, 4].map((m) => ({ at: at(m), message: `line ${m}` })) } },
        '/aws-glue/jobs/error': { streams: { run: [{ at: at(2), message: 'ERROR once' }] } },
        '/aws/states/arai-ingestion': { streams: {} },
      },
    }),
  );
  sandbox = await startSandbox({ world: 'w', worldsDir: worlds });
  logs = sandboxSdkClients(sandbox.url).logs;
});
afterAll(async () => {
  logs?.destroy();
  await sandbox.stop();
  rmSync(worlds, { recursive: true, force: true });
});

const messages = (page: { events?: Array<{ message?: string }> }) => page.events?.map((e) => e.message);
const group = '/aws-glue/jobs/output';

describe('CloudWatch Logs DescribeLogGroups', () => {
  it('lists groups by name with creation time, retention, both ARN forms and the STANDARD class', async () => {
    const { logGroups } = await logs.send(new DescribeLogGroupsCommand({}));
    expect(logGroups?.map((g) => g.logGroupName)).toEqual(['/aws-glue/jobs/error', '/aws-glue/jobs/output', '/aws/states/arai-ingestion']);
    expect(logGroups![1]).toEqual({
      logGroupName: group,
      creationTime: Date.parse(at(-600)),
      retentionInDays: 30,
      metricFilterCount: 0,
      arn: `arn:aws:logs:eu-west-1:123456789012:log-group:${group}:*`,
      storedBytes: 30,
      logGroupClass: 'STANDARD',
      logGroupArn: `arn:aws:logs:eu-west-1:123456789012:log-group:${group}`,
    });
    expect(logGroups![0]!.creationTime).toBe(Date.parse(at(2)));
    expect(logGroups![0]!.retentionInDays).toBeUndefined();
  });

  it('filters by prefix, by a case-insensitive pattern, and pages one group at a time', async () => {
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws-glue/' }))).logGroups).toHaveLength(2);
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'STATES' }))).logGroups?.map((g) => g.logGroupName)).toEqual(['/aws/states/arai-ingestion']);
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: logs, pageSize: 1 }, {})) names.push(...(page.logGroups ?? []).map((g) => g.logGroupName!));
    expect(names).toHaveLength(3);
    await expect(logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/a', logGroupNamePattern: 'b' }))).rejects.toBeInstanceOf(InvalidParameterException);
  });
});

describe('CloudWatch Logs GetLogEvents', () => {
  it('returns the latest events first page by default and the earliest with startFromHead', async () => {
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2 }));
    expect(messages(tail)).toEqual(['line 3', 'line 4']);
    expect(tail.events![0]).toEqual({ timestamp: Date.parse(at(3)), message: 'line 3', ingestionTime: Date.parse(at(3)) + 250 });
    const head = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, startFromHead: true }));
    expect(messages(head)).toEqual(['line 0', 'line 1']);
    expect(head.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(head.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
  });

  it('reads forward to the end, where the forward token comes back unchanged, and back to the start the same way', async () => {
    const head = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, startFromHead: true }));
    const next = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, startFromHead: true, nextToken: head.nextForwardToken }));
    expect(messages(next)).toEqual(['line 2', 'line 3']);
    const last = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, startFromHead: true, nextToken: next.nextForwardToken }));
    expect(messages(last)).toEqual(['line 4']);
    const end = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, startFromHead: true, nextToken: last.nextForwardToken }));
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(last.nextForwardToken);
    const back = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, nextToken: next.nextBackwardToken }));
    expect(messages(back)).toEqual(['line 0', 'line 1']);
    const before = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', limit: 2, nextToken: back.nextBackwardToken }));
    expect(before.events).toEqual([]);
    expect(before.nextBackwardToken).toBe(back.nextBackwardToken);
  });

  it('pages the whole stream once through the SDK paginator that stops on the repeated token', async () => {
    const seen: string[] = [];
    for await (const page of paginateGetLogEvents({ client: logs, pageSize: 2, stopOnSameToken: true }, { logGroupName: group, logStreamName: 'run', startFromHead: true })) seen.push(...(messages(page) ?? []).map(String));
    expect(seen).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
  });

  it('keeps to a time range (startTime inclusive, endTime exclusive) and a group named by ARN', async () => {
    const range = await logs.send(
      new GetLogEventsCommand({ logGroupIdentifier: `arn:aws:logs:eu-west-1:123456789012:log-group:${group}`, logStreamName: 'run', startTime: Date.parse(at(1)), endTime: Date.parse(at(3)), startFromHead: true }),
    );
    expect(messages(range)).toEqual(['line 1', 'line 2']);
  });

  it('raises ResourceNotFoundException for a missing group or stream and InvalidParameterException for a token it did not issue', async () => {
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 'run' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', nextToken: 'f/123/s' }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'run', nextToken: `f/${'9'.repeat(56)}/s` }))).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('answers an operation it does not implement with UnknownOperationException (400)', async () => {
    const { StartQueryCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    await expect(logs.send(new StartQueryCommand({ logGroupName: group, startTime: 0, endTime: 1, queryString: 'fields @message' }))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
