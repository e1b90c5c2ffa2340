import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { findLogGroup } from '../group-name';
import { compileFilterPattern, UnsupportedFilterPatternError } from '../filter-pattern';
import type { LogEvent } from '../state';
import { logStreamResourceArn } from '../../authorization/resources';

const input = z.object({
  logGroupName: z.string().min(1).optional(),
  logGroupIdentifier: z.string().min(1).optional(),
  logStreamNames: z.array(z.string().min(1)).min(1).max(100).optional(),
  logStreamNamePrefix: z.string().min(1).optional(),
  startTime: z.number().int().nonnegative().optional(),
  endTime: z.number().int().nonnegative().optional(),
  filterPattern: z.string().max(1024).optional(),
  nextToken: z.string().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  interleaved: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** FilterLogEvents: events of a group's streams (by names or prefix) within a time range that match a term pattern. */
export const filterLogEvents = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'logs:FilterLogEvents', resource: logStreamResourceArn(input) }),
  run(input, env) {
    if (input.logStreamNames && input.logStreamNamePrefix) {
      return operationError('InvalidParameterException', 'logStreamNames and logStreamNamePrefix are mutually exclusive');
    }
    const found = findLogGroup(env.states.logs, input);
    if ('error' in found) return found.error;
    const { group } = found;
    let matches: (message: string) => boolean;
    try {
      matches = compileFilterPattern(input.filterPattern);
    } catch (error) {
      if (error instanceof UnsupportedFilterPatternError) return operationError('InvalidParameterException', error.message);
      throw error;
    }
    const streams = [...group.streams.values()].filter((stream) =>
      input.logStreamNames ? input.logStreamNames.includes(stream.name) : stream.name.startsWith(input.logStreamNamePrefix ?? ''),
    );
    const events: Array<LogEvent & { logStreamName: string }> = [];
    for (const stream of streams) {
      for (const event of stream.events) {
        if (input.startTime !== undefined && event.timestamp < input.startTime) continue;
        if (input.endTime !== undefined && event.timestamp > input.endTime) continue;
        if (matches(event.message)) events.push({ ...event, logStreamName: stream.name });
      }
    }
    events.sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    const page = paginate(events, input.limit ?? 10_000, input.nextToken);
    return {
      body: {
        events: page.items.map((event) => ({ logStreamName: event.logStreamName, timestamp: event.timestamp, message: event.message, ingestionTime: event.timestamp + 250, eventId: event.eventId })),
        searchedLogStreams: streams.map((stream) => ({ logStreamName: stream.name, searchedCompletely: true })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      },
    };
  },
});
