import { epochSeconds } from '../aws-json/protocol';
import type { TrailEvent } from './state';
import { trailIdentity } from './user-identity';

/** The account every sandbox event is recorded in. */
const recipientAccount = '123456789012';

/** The event record CloudTrail keeps (the `CloudTrailEvent` JSON string of LookupEvents). */
function eventRecord(event: TrailEvent) {
  const identity = trailIdentity(event.principal);
  const service = identity.userIdentity.type === 'AWSService';
  return {
    eventVersion: '1.09',
    userIdentity: identity.userIdentity,
    eventTime: event.eventTime.replace(/\.\d+Z$/, 'Z'),
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: event.awsRegion,
    sourceIPAddress: event.sourceIPAddress ?? (service ? event.principal : '203.0.113.10'),
    userAgent: service ? event.principal : event.userAgent,
    requestParameters: event.requestParameters,
    responseElements: null,
    requestID: event.requestId,
    eventID: event.eventId,
    readOnly: event.readOnly,
    ...(event.resources.length ? { resources: event.resources.map((r) => ({ type: r.type, ...(r.name.startsWith('arn:') ? { ARN: r.name } : {}) })) } : {}),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: recipientAccount,
    eventCategory: 'Management',
  };
}

/** One event as LookupEvents lists it: the summary fields, and the full record as a JSON string. */
export function lookupEventShape(event: TrailEvent) {
  const identity = trailIdentity(event.principal);
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    ...(identity.accessKeyId ? { AccessKeyId: identity.accessKeyId } : {}),
    EventTime: epochSeconds(event.eventTime),
    EventSource: event.eventSource,
    ...(identity.username ? { Username: identity.username } : {}),
    Resources: event.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: JSON.stringify(eventRecord(event)),
  };
}
