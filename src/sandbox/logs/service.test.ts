import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeLogStreamsCommand, FilterLogEventsCommand, InvalidParameterException, ResourceNotFoundException } from '@aws-sdk/client-cloudwatch-logs';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { compileFilterPattern } from './filter-pattern';

const stream = 'jr_1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';
let sandbox: Sandbox;
let logs: ReturnType<typeof sandboxSdkClients>['logs'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  logs = sandboxSdkClients(sandbox.url).logs;
});
afterAll(async () => {
  logs?.destroy();
  await sandbox.stop();
});

describe('the CloudWatch Logs sandbox speaks awsJson1_1 to the real SDK', () => {
  it('filters a stream by terms and pages with a limit, timestamps in milliseconds', async () => {
    const all = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws-glue/jobs/error', logStreamNames: [stream], limit: 1 }));
    expect(all.events).toHaveLength(1);
    expect(all.events![0]!.timestamp).toBeGreaterThan(1e12);
    expect(all.nextToken).toBeTruthy();
    const warn = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws-glue/jobs/error', logStreamNamePrefix: 'jr_', filterPattern: 'WARN' }));
    expect(warn.events?.map((e) => e.message)).toEqual([expect.stringContaining('WARN TaskSetManager')]);
  });

  it('describes streams and raises the typed exceptions for a missing group or contradictory parameters', async () => {
    const described = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws-glue/jobs/output' }));
    expect(described.logStreams?.map((s) => s.logStreamName)).toEqual([stream]);
    await expect(logs.send(new FilterLogEventsCommand({ logGroupName: '/nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: '/aws-glue/jobs/error', logStreamNames: [stream], logStreamNamePrefix: 'jr_' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('describes the streams of a group named by its ARN, as logGroupIdentifier allows', async () => {
    const described = await logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/output' }));
    expect(described.logStreams?.map((s) => s.logStreamName)).toEqual([stream]);
  });
});

describe('filter patterns', () => {
  it('match every term, any ?alternative, no -exclusion, and quoted phrases as one term', () => {
    expect(compileFilterPattern('ERROR Exception')('ERROR java.lang.Exception')).toBe(true);
    expect(compileFilterPattern('ERROR Exception')('ERROR only')).toBe(false);
    expect(compileFilterPattern('?ERROR ?Exception')('an Exception')).toBe(true);
    expect(compileFilterPattern('ERROR -WARN')('ERROR and WARN')).toBe(false);
    expect(compileFilterPattern('"killed by YARN"')('Container killed by YARN for exceeding')).toBe(true);
    expect(compileFilterPattern('')('anything')).toBe(true);
    expect(() => compileFilterPattern('{ $.level = "ERROR" }')).toThrow(/Invalid filter pattern/);
  });
});
