import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import type { SandboxStates } from '../../states';
import { eventToken, readEventToken } from '../event-tokens';
import { findLogGroup } from '../group-name';
import type { LogEvent } from '../state';
import { logStreamResourceArn } from '../../authorization/resources';

const input = z.object({
  logGroupName: z.string().min(1).max(512).optional(),
  logGroupIdentifier: z.string().min(1).max(2048).optional(),
  logStreamName: z.string().min(1).max(512),
  startTime: z.number().int().nonnegative().optional(),
  endTime: z.number().int().nonnegative().optional(),
  nextToken: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  startFromHead: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** The most a response carries: 1 MB of events (each counted as its UTF-8 message plus 26 bytes), as CloudWatch Logs caps it. */
const maxResponseBytes = 1_048_576;
const eventBytes = (event: LogEvent) => Buffer.byteLength(event.message) + 26;

/**
 * GetLogEvents: one stream's events within a time range, a page at a time. Without a token the page is the
 * stream's last events (or its first with startFromHead); `nextForwardToken` reads on after the page,
 * `nextBackwardToken` before it, and at either end the token passed comes back unchanged, as AWS does.
 */
export const getLogEvents = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'logs:GetLogEvents', resource: logStreamResourceArn(input, input.logStreamName) }),
  run(input, env) {
    if (input.logGroupName && input.logGroupIdentifier) return operationError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    const found = findLogGroup(env.states.logs, input);
    if ('error' in found) return found.error;
    const { group } = found;
    const stream = group.streams.get(input.logStreamName);
    if (!stream) return operationError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const all = stream.events;
    const inWindow = (event: LogEvent) => (input.startTime === undefined || event.timestamp >= input.startTime) && (input.endTime === undefined || event.timestamp < input.endTime);
    const position = input.nextToken ? readEventToken(input.nextToken, all.length) : { direction: input.startFromHead ? 'forward' : 'backward', index: input.startFromHead ? 0 : all.length };
    const limit = input.limit ?? 10_000;
    const picked: number[] = [];
    let bytes = 0;
    const step = position.direction === 'forward' ? 1 : -1;
    for (let index = position.direction === 'forward' ? position.index : position.index - 1; index >= 0 && index < all.length && picked.length < limit; index += step) {
      if (!inWindow(all[index]!)) continue;
      if (bytes + eventBytes(all[index]!) > maxResponseBytes) break;
      bytes += eventBytes(all[index]!);
      picked.push(index);
    }
    picked.sort((a, b) => a - b);
    const first = picked[0] ?? position.index;
    const after = picked.length ? picked[picked.length - 1]! + 1 : position.index;
    return {
      body: {
        events: picked.map((index) => ({ timestamp: all[index]!.timestamp, message: all[index]!.message, ingestionTime: all[index]!.timestamp + 250 })),
        nextForwardToken: eventToken('forward', after),
        nextBackwardToken: eventToken('backward', first),
      },
    };
  },
});
