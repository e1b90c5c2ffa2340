import { z } from 'zod';

const eventSchema = z.strictObject({
  at: z.iso.datetime(),
  message: z.string(),
  /** Repeats the event this many times, one millisecond apart (`{n}` in the message becomes the copy's number). */
  repeat: z.number().int().positive().max(100_000).optional(),
});

const subscriptionFilterSchema = z.strictObject({
  /** The events forwarded; empty forwards every event. */
  filterPattern: z.string().max(1024).default(''),
  /** Where they go: a Logs destination, a Kinesis or Firehose stream, a Lambda function. */
  destinationArn: z.string().min(1),
  roleArn: z.string().min(1).optional(),
});

const groupSchema = z.strictObject({
  /** When the group was created; its first event's time when absent. */
  createdOn: z.iso.datetime().optional(),
  /** Days events are kept; absent means forever, as in CloudWatch Logs. */
  retentionInDays: z.union([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653].map((days) => z.literal(days))).optional(),
  /** Subscription filters by name (at most two a group, as in CloudWatch Logs). */
  subscriptionFilters: z.record(z.string().regex(/^[^:*]{1,512}$/, 'expected a filter name (no : or *)'), subscriptionFilterSchema).default({}).refine((filters) => Object.keys(filters).length <= 2, 'a log group has at most 2 subscription filters'),
  streams: z.record(z.string().regex(/^[^:*]{1,512}$/, 'expected a log stream name (no : or *)'), z.array(eventSchema)).default({}),
});

/** The logs section of a world file: log groups by name, each with its streams' events. */
export const logsSectionSchema = z.strictObject({ logGroups: z.record(z.string().regex(/^[.\-_/#A-Za-z0-9]{1,512}$/, 'expected a log group name'), groupSchema).default({}) });

/** One stored log event. */
export interface LogEvent {
  timestamp: number;
  message: string;
  eventId: string;
}

/** A log stream and its events in time order. */
export interface LogStream {
  name: string;
  events: LogEvent[];
}

/** A subscription filter: its name and where it forwards the group's events. */
export interface SubscriptionFilter {
  name: string;
  filterPattern: string;
  destinationArn: string;
  roleArn?: string;
}

/** A log group: its settings and its streams by name. */
export interface LogGroup {
  name: string;
  subscriptionFilters: SubscriptionFilter[];
  /** Creation time, epoch milliseconds. */
  creationTime: number;
  retentionInDays?: number;
  streams: Map<string, LogStream>;
}

/** The simulated CloudWatch Logs: groups by name. */
export interface LogsState {
  groups: Map<string, LogGroup>;
}

/** Builds the Logs state from a world's logs section. */
export function loadLogsState(section: unknown): LogsState {
  const parsed = logsSectionSchema.parse(section ?? {});
  const groups = new Map<string, LogGroup>();
  for (const [groupName, group] of Object.entries(parsed.logGroups)) {
    const streams = new Map<string, LogStream>();
    for (const [streamName, declared] of Object.entries(group.streams)) {
      const events: LogEvent[] = [];
      for (const event of declared) {
        const at = new Date(event.at).getTime();
        for (let copy = 0; copy < (event.repeat ?? 1); copy++) {
          events.push({ timestamp: at + copy, message: event.message.replaceAll('{n}', String(copy + 1)), eventId: '' });
        }
      }
      events.sort((a, b) => a.timestamp - b.timestamp);
      events.forEach((event, index) => (event.eventId = `${String(event.timestamp).padStart(16, '0')}${String(index).padStart(8, '0')}`));
      streams.set(streamName, { name: streamName, events });
    }
    const first = Math.min(...[...streams.values()].map((stream) => stream.events[0]?.timestamp ?? Infinity));
    const creationTime = group.createdOn ? new Date(group.createdOn).getTime() : Number.isFinite(first) ? first : 0;
    const subscriptionFilters = Object.entries(group.subscriptionFilters).map(([name, filter]) => ({ name, ...filter }));
    groups.set(groupName, { name: groupName, subscriptionFilters, creationTime, ...(group.retentionInDays ? { retentionInDays: group.retentionInDays } : {}), streams });
  }
  return { groups };
}
