import { createHash } from 'node:crypto';
import { z } from 'zod';

const resourceSchema = z.strictObject({ type: z.string().min(1), name: z.string().min(1) });

const eventSchema = z.strictObject({
  eventTime: z.iso.datetime(),
  /** The service's endpoint name (`glue.amazonaws.com`). */
  eventSource: z.string().regex(/^[a-z0-9-]+\.amazonaws\.com$/, 'expected a service endpoint such as glue.amazonaws.com'),
  eventName: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'expected an API operation name such as UpdateJob'),
  readOnly: z.boolean(),
  /** Who made the call: an assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), an IAM user, or an AWS service (`glue.amazonaws.com`). */
  principal: z.string().min(1),
  resources: z.array(resourceSchema).default([]),
  awsRegion: z.string().default('eu-west-1'),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().default('aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/glue#1.94.1'),
  requestParameters: z.record(z.string(), z.unknown()).nullable().default(null),
});

/** The cloudtrail section of a world file: management events by a label (labels keep merge patches small). */
export const cloudtrailSectionSchema = z.strictObject({ events: z.record(z.string().min(1), eventSchema.nullable()).default({}) });

/** One recorded management event, with the ids CloudTrail gives it. */
export type TrailEvent = z.infer<typeof eventSchema> & { eventId: string; requestId: string; label: string };

/** The simulated CloudTrail event history: newest first, as LookupEvents returns it. */
export interface CloudtrailState {
  events: TrailEvent[];
}

/** A stable UUID-shaped id from a label. */
function stableUuid(kind: string, label: string): string {
  const hex = createHash('sha1').update(`${kind}:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Builds the event history from a world's cloudtrail section (a `null` event is one a world removes). */
export function loadCloudtrailState(section: unknown): CloudtrailState {
  const parsed = cloudtrailSectionSchema.parse(section ?? {});
  const events = Object.entries(parsed.events)
    .filter((entry): entry is [string, z.infer<typeof eventSchema>] => entry[1] !== null)
    .map(([label, event]) => ({ ...event, label, eventId: stableUuid('event', label), requestId: stableUuid('request', label) }))
    .sort((a, b) => b.eventTime.localeCompare(a.eventTime) || a.label.localeCompare(b.label));
  return { events };
}
