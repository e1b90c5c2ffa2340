import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { lookupEventShape } from '../event-shape';
import type { TrailEvent } from '../state';
import { trailIdentity } from '../user-identity';

/** The keys LookupEvents filters on, and what each one matches of an event. */
const attributeOf: Record<string, (event: TrailEvent) => readonly string[]> = {
  EventId: (event) => [event.eventId],
  EventName: (event) => [event.eventName],
  ReadOnly: (event) => [String(event.readOnly)],
  Username: (event) => [trailIdentity(event.principal).username ?? ''],
  ResourceType: (event) => event.resources.map((r) => r.type),
  ResourceName: (event) => event.resources.map((r) => r.name),
  EventSource: (event) => [event.eventSource],
  AccessKeyId: (event) => [trailIdentity(event.principal).accessKeyId ?? ''],
};

const input = z.object({
  LookupAttributes: z.array(z.object({ AttributeKey: z.string(), AttributeValue: z.string() })).optional(),
  StartTime: z.number().optional(),
  EndTime: z.number().optional(),
  EventCategory: z.string().optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().optional(),
});

/**
 * LookupEvents: the management events of the last 90 days, newest first, filtered by at most one lookup attribute
 * and a time range (epoch seconds), 50 a page at most, as CloudTrail's event history answers.
 */
export const lookupEvents = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: () => ({ action: 'cloudtrail:LookupEvents', resource: '*' }),
  run(input, env) {
    const attributes = input.LookupAttributes ?? [];
    if (attributes.length > 1) return operationError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
    const attribute = attributes[0];
    const match = attribute ? attributeOf[attribute.AttributeKey] : undefined;
    if (attribute && !match) return operationError('InvalidLookupAttributesException', `${attribute.AttributeKey} is not a valid lookup attribute key. Valid keys: ${Object.keys(attributeOf).join(', ')}`);
    if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 50)) return operationError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
    if (input.EventCategory !== undefined && input.EventCategory !== 'insight') return operationError('InvalidEventCategoryException', `${input.EventCategory} is not a valid event category. Valid value: insight`);
    const now = env.clock.now().getTime();
    const start = input.StartTime !== undefined ? input.StartTime * 1000 : now - 90 * 86_400_000;
    const end = input.EndTime !== undefined ? input.EndTime * 1000 : now;
    if (start > end) return operationError('InvalidTimeRangeException', 'The start time must be before the end time.');
    // Insight events are a trail's own product: the sandbox records none.
    const events = input.EventCategory === 'insight' ? [] : env.states.cloudtrail.events.filter((event) => {
      const at = Date.parse(event.eventTime);
      return at >= start && at <= end && at >= now - 90 * 86_400_000 && (!attribute || match!(event).includes(attribute.AttributeValue));
    });
    const page = paginate(events, input.MaxResults ?? 50, input.NextToken);
    return { body: { Events: page.items.map(lookupEventShape), ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
