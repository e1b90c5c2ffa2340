import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { paginate } from '../../aws-json/pagination';
import { queryOperation } from '../../aws-query/operations';
import { queryResponse } from '../../aws-query/xml';
import type { SandboxStates } from '../../states';
import { findTopic, snsProtocol, topicArn } from '../xml';

const input = z.object({ TopicArn: z.string().min(1), NextToken: z.string().min(1).optional() });

/** ListSubscriptionsByTopic: a topic's subscriptions, 100 a page; one not yet confirmed has the ARN `PendingConfirmation`, as in SNS. */
export const listSubscriptionsByTopic = queryOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'sns:ListSubscriptionsByTopic', resource: input.TopicArn }),
  run(input, env) {
    const found = findTopic(env.states.sns, input.TopicArn);
    if ('error' in found) return found.error;
    const arn = topicArn(found.topic.name);
    const page = paginate(found.topic.subscriptions, 100, input.NextToken);
    return queryResponse(snsProtocol, 'ListSubscriptionsByTopic', {
      Subscriptions: {
        member: page.items.map((s) => ({ TopicArn: arn, Protocol: s.protocol, SubscriptionArn: s.confirmed ? `${arn}:${s.id}` : 'PendingConfirmation', Owner: sandboxAccountId, Endpoint: s.endpoint })),
      },
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    });
  },
});
