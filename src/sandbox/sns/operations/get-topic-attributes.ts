import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { queryOperation } from '../../aws-query/operations';
import { queryResponse } from '../../aws-query/xml';
import type { SandboxStates } from '../../states';
import { findTopic, snsProtocol, topicArn } from '../xml';

const input = z.object({ TopicArn: z.string().min(1) });

/** GetTopicAttributes: a topic's attributes as `<entry><key>…<value>…` pairs, its subscription counts among them. */
export const getTopicAttributes = queryOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'sns:GetTopicAttributes', resource: input.TopicArn }),
  run(input, env) {
    const found = findTopic(env.states.sns, input.TopicArn);
    if ('error' in found) return found.error;
    const { topic } = found;
    const arn = topicArn(topic.name);
    const confirmed = topic.subscriptions.filter((s) => s.confirmed).length;
    const policy = { Version: '2008-10-17', Id: '__default_policy_ID', Statement: [{ Sid: '__default_statement_ID', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['SNS:Publish', 'SNS:Subscribe', 'SNS:GetTopicAttributes'], Resource: arn, Condition: { StringEquals: { 'AWS:SourceOwner': sandboxAccountId } } }] };
    const attributes: Record<string, string> = {
      Policy: JSON.stringify(policy),
      Owner: sandboxAccountId,
      SubscriptionsPending: String(topic.subscriptions.length - confirmed),
      TopicArn: arn,
      EffectiveDeliveryPolicy: JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' }, disableSubscriptionOverrides: false } }),
      SubscriptionsConfirmed: String(confirmed),
      DisplayName: topic.displayName,
      SubscriptionsDeleted: '0',
    };
    return queryResponse(snsProtocol, 'GetTopicAttributes', { Attributes: { entry: Object.entries(attributes).map(([key, value]) => ({ key, value })) } });
  },
});
