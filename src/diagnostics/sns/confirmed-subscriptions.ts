import { ListSubscriptionsByTopicCommand, NotFoundException, type Subscription } from '@aws-sdk/client-sns';
import type { CheckContext } from '../../check-api';

/** A topic's subscriptions, or that the topic does not exist. */
export type TopicSubscriptions = { exists: false } | { exists: true; confirmed: Subscription[]; pending: Subscription[] };

/** The subscriptions SNS has not delivered to yet: waiting for the endpoint's confirmation, or being removed. */
const unconfirmed = new Set(['PendingConfirmation', 'Deleted']);

/** Reads every subscription of a topic (ListSubscriptionsByTopic, all pages) and splits them into confirmed and pending. */
export async function topicSubscriptions(ctx: CheckContext, topicArn: string): Promise<TopicSubscriptions> {
  return ctx.memo(['sns:ListSubscriptionsByTopic', topicArn], async (signal) => {
    const all: Subscription[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await ctx.clients.sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, ...(token ? { NextToken: token } : {}) }), { abortSignal: signal });
        all.push(...(page.Subscriptions ?? []));
        token = page.NextToken;
      } while (token);
    } catch (error) {
      if (error instanceof NotFoundException) return { exists: false };
      throw error;
    }
    return { exists: true, confirmed: all.filter((s) => !unconfirmed.has(s.SubscriptionArn ?? '')), pending: all.filter((s) => unconfirmed.has(s.SubscriptionArn ?? '')) };
  });
}
