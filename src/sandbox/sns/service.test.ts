import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetTopicAttributesCommand, InvalidParameterException, ListSubscriptionsByTopicCommand, NotFoundException } from '@aws-sdk/client-sns';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

let sandbox: Sandbox;
let sns: ReturnType<typeof sandboxSdkClients>['sns'];
const topic = 'arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts';

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  sns = sandboxSdkClients(sandbox.url).sns;
});
afterAll(async () => {
  sns?.destroy();
  await sandbox.stop();
});

describe('the SNS sandbox speaks the query protocol (XML) to the real SDK', () => {
  it("reads a topic's attributes, its subscription counts among them", async () => {
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: topic }));
    expect(Attributes).toMatchObject({ TopicArn: topic, Owner: '123456789012', SubscriptionsConfirmed: '2', SubscriptionsPending: '0', DisplayName: 'ARAI platform alerts' });
    expect(JSON.parse(Attributes!.Policy!).Statement[0].Resource).toBe(topic);
  });

  it("lists a topic's subscriptions, each with its ARN under the topic", async () => {
    const { Subscriptions } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }));
    expect(Subscriptions!.map((s) => [s.Protocol, s.Endpoint])).toEqual([
      ['email', 'data-platform-oncall@example.com'],
      ['https', 'https://events.pagerduty.example.com/integration/arai/enqueue'],
    ]);
    expect(Subscriptions![0]!.SubscriptionArn).toMatch(new RegExp(`^${topic}:[0-9a-f-]{36}$`));
  });

  it('raises NotFoundException for a topic that does not exist and InvalidParameterException for what is not a topic ARN', async () => {
    await expect(sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: `${topic}-gone` }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(sns.send(new GetTopicAttributesCommand({ TopicArn: 'arai-platform-alerts' }))).rejects.toBeInstanceOf(InvalidParameterException);
  });
});

describe('the SNS sandbox in a world whose topic lost its subscribers', () => {
  it('counts a pending subscription apart and lists it as PendingConfirmation', async () => {
    const other = await startSandbox({ world: 'no-glue-failure-alert' });
    const client = sandboxSdkClients(other.url).sns;
    try {
      const { Attributes } = await client.send(new GetTopicAttributesCommand({ TopicArn: topic }));
      expect(Attributes).toMatchObject({ SubscriptionsConfirmed: '0', SubscriptionsPending: '1' });
      const { Subscriptions } = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }));
      expect(Subscriptions!.map((s) => s.SubscriptionArn)).toEqual(['PendingConfirmation']);
    } finally {
      client.destroy();
      await other.stop();
    }
  });
});
