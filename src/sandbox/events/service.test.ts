import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListRulesCommand, ListTargetsByRuleCommand, ResourceNotFoundException } from '@aws-sdk/client-eventbridge';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

let sandbox: Sandbox;
let events: ReturnType<typeof sandboxSdkClients>['events'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  events = sandboxSdkClients(sandbox.url).events;
});
afterAll(async () => {
  events?.destroy();
  await sandbox.stop();
});

describe('the EventBridge sandbox speaks awsJson1_1 to the real SDK', () => {
  it('lists the rules of the default bus with the pattern as a JSON string, a page at a time', async () => {
    const first = await events.send(new ListRulesCommand({ Limit: 1 }));
    expect(first.Rules!.map((r) => r.Name)).toEqual(['arai-daily-ingestion']);
    const second = await events.send(new ListRulesCommand({ Limit: 1, NextToken: first.NextToken! }));
    expect(second.NextToken).toBeUndefined();
    const rule = second.Rules![0]!;
    expect(rule).toMatchObject({ Name: 'arai-glue-job-failed', Arn: 'arn:aws:events:eu-west-1:123456789012:rule/arai-glue-job-failed', State: 'ENABLED', EventBusName: 'default' });
    expect(JSON.parse(rule.EventPattern!)).toMatchObject({ source: ['aws.glue'], 'detail-type': ['Glue Job State Change'] });
    expect((await events.send(new ListRulesCommand({ EventBusName: 'other' }))).Rules).toEqual([]);
  });

  it("lists a rule's targets and raises ResourceNotFoundException for a rule the bus lacks", async () => {
    const { Targets } = await events.send(new ListTargetsByRuleCommand({ Rule: 'arai-glue-job-failed' }));
    expect(Targets).toEqual([{ Id: 'platform-alerts', Arn: 'arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts' }]);
    await expect(events.send(new ListTargetsByRuleCommand({ Rule: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(sandbox.calls.all().filter((c) => c.service === 'events').every((c) => !c.mutates)).toBe(true);
  });
});
