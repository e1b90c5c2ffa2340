import type { NotificationConfiguration, QueueConfiguration } from '@aws-sdk/client-s3';
import type { JsonValue } from '../../model';

/** How well a bucket's queue notifications serve an external table's auto-refresh channel. */
export type QueueNotificationVerdict =
  | { outcome: 'ok'; match: QueueConfiguration; partialEvents: boolean; suffix: string | null }
  | { outcome: 'no-queue-configurations' | 'other-queue' | 'no-object-created' | 'prefix-not-covered'; detail: string };

const ruleValue = (config: QueueConfiguration, name: 'prefix' | 'suffix'): string =>
  config.Filter?.Key?.FilterRules?.find((rule) => rule.Name?.toLowerCase() === name)?.Value ?? '';

const createsObjects = (events: readonly string[]) => events.some((event) => event === 's3:ObjectCreated:*' || event.startsWith('s3:ObjectCreated:'));

/** A queue configuration as evidence: id, queue, events and filter rules. */
export function describeQueueConfiguration(config: QueueConfiguration): JsonValue {
  return {
    id: config.Id ?? null,
    queue: config.QueueArn ?? null,
    events: config.Events ?? [],
    prefix: ruleValue(config, 'prefix'),
    suffix: ruleValue(config, 'suffix'),
  };
}

/**
 * Finds the queue configuration that sends ObjectCreated events under `keyPrefix` to `queueArn`.
 * Without a queue ARN (auto-refresh off), any Snowflake queue (`sf-snowpipe-`) will do.
 */
export function matchQueueNotification(config: NotificationConfiguration, queueArn: string | null, keyPrefix: string): QueueNotificationVerdict {
  const queues = config.QueueConfigurations ?? [];
  if (queues.length === 0) {
    return { outcome: 'no-queue-configurations', detail: 'the bucket has no queue configuration at all, so no S3 event reaches Snowflake' };
  }
  const toChannel = queues.filter((q) => (queueArn ? q.QueueArn === queueArn : /:sf-snowpipe-/.test(q.QueueArn ?? '')));
  if (toChannel.length === 0) {
    return {
      outcome: 'other-queue',
      detail: queueArn
        ? `no queue configuration targets the table's notification channel ${queueArn}`
        : 'no queue configuration targets a Snowflake queue (sf-snowpipe-…)',
    };
  }
  const creating = toChannel.filter((q) => createsObjects(q.Events ?? []));
  if (creating.length === 0) {
    return { outcome: 'no-object-created', detail: `the configuration for the channel sends ${toChannel.flatMap((q) => q.Events ?? []).join(', ')}, not s3:ObjectCreated events` };
  }
  const covering = creating.find((q) => keyPrefix.startsWith(ruleValue(q, 'prefix')));
  if (!covering) {
    return {
      outcome: 'prefix-not-covered',
      detail: `the channel's configurations filter on prefix ${creating.map((q) => `"${ruleValue(q, 'prefix')}"`).join(', ')}, which does not cover the table's files under "${keyPrefix}"`,
    };
  }
  const events = covering.Events ?? [];
  return { outcome: 'ok', match: covering, partialEvents: !events.includes('s3:ObjectCreated:*'), suffix: ruleValue(covering, 'suffix') || null };
}
