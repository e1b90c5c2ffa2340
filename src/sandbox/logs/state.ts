import { z } from 'zod';

const eventSchema = z.strictObject({
  at: z.iso.datetime(),
  message: z.string(),
  /** Repeats the event this many times, one millisecond apart (`{n}` in the message becomes the copy's number). */
  repeat: z.number().int().positive().max(100_000).optional(),
});

const groupSchema = z.strictObject({ streams: z.record(z.string(), z.array(eventSchema)).default({}) });

/** The logs section of a world file: log groups by name, each with its streams' events. */
export const logsSectionSchema = z.strictObject({ logGroups: z.record(z.string(), groupSchema).default({}) });

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

/** The simulated CloudWatch Logs: groups by name, each with streams by name. */
export interface LogsState {
  groups: Map<string, Map<string, LogStream>>;
}

/** Builds the Logs state from a world's logs section. */
export function loadLogsState(section: unknown): LogsState {
  const parsed = logsSectionSchema.parse(section ?? {});
  const groups = new Map<string, Map<string, LogStream>>();
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
    groups.set(groupName, streams);
  }
  return { groups };
}
