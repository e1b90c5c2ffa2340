import type { FilterRule, NotificationConfiguration, QueueConfiguration } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { describeQueueConfiguration, matchQueueNotification } from './queue-notifications';

// S3 sends rule names capitalised (`Prefix`), though the SDK's type spells them in lower case
const rules = (...pairs: Array<[string, string]>) => ({ Key: { FilterRules: pairs.map(([Name, Value]) => ({ Name, Value }) as FilterRule) } });
const channel = 'arn:aws:sqs:eu-west-1:123456789012:sf-snowpipe-AIDA-abc';
const queue = (overrides: Partial<QueueConfiguration> = {}): QueueConfiguration => ({
  Id: 'sf',
  QueueArn: channel,
  Events: ['s3:ObjectCreated:*'],
  Filter: rules(['Prefix', 'reviews/']),
  ...overrides,
});
const match = (queues: QueueConfiguration[] | undefined, arn: string | null = channel, prefix = 'reviews/year=2026/') =>
  matchQueueNotification({ ...(queues ? { QueueConfigurations: queues } : {}) } as NotificationConfiguration, arn, prefix);

describe('matchQueueNotification', () => {
  it('accepts ObjectCreated:* to the channel under a covering prefix, with no caveat', () => {
    expect(match([queue()])).toEqual({ outcome: 'ok', match: queue(), partialEvents: false, suffix: null });
  });

  it('reports a bucket with no queue configuration at all', () => {
    expect(match(undefined).outcome).toBe('no-queue-configurations');
    expect(match([]).outcome).toBe('no-queue-configurations');
  });

  it('reports queue configurations that all target another queue, naming the channel', () => {
    const verdict = match([queue({ QueueArn: 'arn:aws:sqs:eu-west-1:1:other' })]);
    expect(verdict).toEqual({ outcome: 'other-queue', detail: `no queue configuration targets the table's notification channel ${channel}` });
  });

  it('reports a configuration for the channel that sends no ObjectCreated event', () => {
    const verdict = match([queue({ Events: ['s3:ObjectRemoved:*'] })]);
    expect(verdict).toEqual({ outcome: 'no-object-created', detail: 'the configuration for the channel sends s3:ObjectRemoved:*, not s3:ObjectCreated events' });
  });

  it('reports a prefix filter that does not cover the table files', () => {
    const verdict = match([queue({ Filter: rules(['Prefix', 'raw/']) })]);
    expect(verdict.outcome).toBe('prefix-not-covered');
    expect(verdict.outcome !== 'ok' && verdict.detail).toBe('the channel\'s configurations filter on prefix "raw/", which does not cover the table\'s files under "reviews/year=2026/"');
  });

  it('flags partial events (Put only) and a suffix filter, compared case-insensitively by rule name', () => {
    expect(match([queue({ Events: ['s3:ObjectCreated:Put'] })])).toMatchObject({ outcome: 'ok', partialEvents: true });
    const suffixed = queue({ Filter: rules(['prefix', 'reviews/'], ['suffix', '.parquet']) });
    expect(match([suffixed])).toMatchObject({ outcome: 'ok', suffix: '.parquet' });
  });

  it('treats an empty prefix and an empty suffix, as S3 prints them, as no filter', () => {
    const empty = queue({ Filter: rules(['Prefix', ''], ['Suffix', '']) });
    expect(match([empty])).toMatchObject({ outcome: 'ok', suffix: null, partialEvents: false });
  });

  it('without a channel (auto-refresh off) accepts any Snowflake queue and nothing else', () => {
    expect(match([queue()], null).outcome).toBe('ok');
    expect(match([queue({ QueueArn: 'arn:aws:sqs:eu-west-1:1:my-queue' })], null)).toMatchObject({ outcome: 'other-queue', detail: expect.stringMatching(/sf-snowpipe-/) });
  });

  it('picks the covering configuration among several for the channel', () => {
    const verdict = match([queue({ Id: 'raw', Filter: rules(['Prefix', 'raw/']) }), queue({ Id: 'reviews' })]);
    expect(verdict.outcome === 'ok' && verdict.match.Id).toBe('reviews');
  });
});

describe('describeQueueConfiguration', () => {
  it('writes a configuration as evidence data, with empty filters as empty strings', () => {
    expect(describeQueueConfiguration({ QueueArn: 'q', Events: ['s3:ObjectCreated:*'] })).toEqual({ id: null, queue: 'q', events: ['s3:ObjectCreated:*'], prefix: '', suffix: '' });
  });
});
