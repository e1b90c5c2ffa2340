import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { logGroupArn } from '../arn';
import { findLogGroup } from '../group-name';
import { logStreamResourceArn } from '../../authorization/resources';

const input = z.object({
  logGroupName: z.string().min(1).optional(),
  logGroupIdentifier: z.string().min(1).optional(),
  logStreamNamePrefix: z.string().min(1).optional(),
  orderBy: z.enum(['LogStreamName', 'LastEventTime']).optional(),
  descending: z.boolean().optional(),
  nextToken: z.string().optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

/** DescribeLogStreams: a group's streams by name or by last event time, paginated (at most 50 a page). */
export const describeLogStreams = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'logs:DescribeLogStreams', resource: logStreamResourceArn(input) }),
  run(input, env) {
    if (input.orderBy === 'LastEventTime' && input.logStreamNamePrefix) {
      return operationError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const found = findLogGroup(env.states.logs, input);
    if ('error' in found) return found.error;
    const { group } = found;
    const streams = [...group.streams.values()].filter((stream) => stream.name.startsWith(input.logStreamNamePrefix ?? ''));
    const last = (events: { timestamp: number }[]) => events[events.length - 1]?.timestamp ?? 0;
    streams.sort((a, b) => (input.orderBy === 'LastEventTime' ? last(a.events) - last(b.events) : a.name.localeCompare(b.name)));
    if (input.descending) streams.reverse();
    const page = paginate(streams, input.limit ?? 50, input.nextToken);
    return {
      body: {
        logStreams: page.items.map((stream) => ({
          logStreamName: stream.name,
          creationTime: stream.events[0]?.timestamp ?? 0,
          ...(stream.events.length ? { firstEventTimestamp: stream.events[0]!.timestamp, lastEventTimestamp: last(stream.events), lastIngestionTime: last(stream.events) + 250 } : {}),
          arn: `${logGroupArn(group.name)}:log-stream:${stream.name}`,
          storedBytes: 0,
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      },
    };
  },
});
