import { XMLParser } from 'fast-xml-parser';
import type { SandboxRequest } from '../../core/http';
import type { ServiceReply } from '../../core/service';
import type { XmlNode } from '../../core/xml';
import { notificationSchema, type NotificationConfiguration, type S3Bucket } from '../state';
import { s3Error, s3Xml } from '../xml';

type Rules = { Key: { FilterRules: Array<{ Name: string; Value: string }> } } | undefined;

const filterXml = (filter: Rules): XmlNode | undefined =>
  filter ? { S3Key: { FilterRule: filter.Key.FilterRules.map((rule) => ({ Name: rule.Name, Value: rule.Value })) } } : undefined;

/** GetBucketNotificationConfiguration (`GET /bucket?notification`), in S3's element names. */
export function getNotification(bucket: S3Bucket): ServiceReply {
  const config = bucket.notification;
  const body: XmlNode = {
    TopicConfiguration: (config.TopicConfigurations ?? []).map((c) => ({ Id: c.Id, Topic: c.TopicArn, Event: c.Events, Filter: filterXml(c.Filter) })),
    QueueConfiguration: (config.QueueConfigurations ?? []).map((c) => ({ Id: c.Id, Queue: c.QueueArn, Event: c.Events, Filter: filterXml(c.Filter) })),
    CloudFunctionConfiguration: (config.LambdaFunctionConfigurations ?? []).map((c) => ({
      Id: c.Id,
      CloudFunction: c.LambdaFunctionArn,
      Event: c.Events,
      Filter: filterXml(c.Filter),
    })),
    ...(config.EventBridgeConfiguration ? { EventBridgeConfiguration: {} } : {}),
  };
  return { response: s3Xml('NotificationConfiguration', body), call: { operation: 'GetBucketNotificationConfiguration', mutates: false } };
}

const listTags = ['TopicConfiguration', 'QueueConfiguration', 'CloudFunctionConfiguration', 'Event', 'FilterRule'];
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => listTags.includes(name) });

type ParsedEntry = { Id?: string; Event?: string[]; Filter?: { S3Key?: { FilterRule?: Array<{ Name: string; Value?: string }> } } } & Record<string, unknown>;

function readEntry(entry: ParsedEntry, arnElement: string, arnField: string) {
  const rules = entry.Filter?.S3Key?.FilterRule;
  return {
    ...(entry.Id ? { Id: entry.Id } : {}),
    [arnField]: entry[arnElement],
    Events: entry.Event ?? [],
    ...(rules ? { Filter: { Key: { FilterRules: rules.map((r) => ({ Name: r.Name, Value: r.Value ?? '' })) } } } : {}),
  };
}

/** PutBucketNotificationConfiguration: replaces the configuration (drills use it to repair a world). */
export function putNotification(bucket: S3Bucket, request: SandboxRequest): ServiceReply {
  const call = { operation: 'PutBucketNotificationConfiguration', mutates: true };
  const doc = parser.parse(request.body.toString('utf8')) as { NotificationConfiguration?: Record<string, ParsedEntry[] | undefined> | '' };
  const root = doc.NotificationConfiguration === '' ? {} : doc.NotificationConfiguration;
  if (!root) return { response: s3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'), call };
  const candidate = {
    ...(root.QueueConfiguration ? { QueueConfigurations: root.QueueConfiguration.map((e) => readEntry(e, 'Queue', 'QueueArn')) } : {}),
    ...(root.TopicConfiguration ? { TopicConfigurations: root.TopicConfiguration.map((e) => readEntry(e, 'Topic', 'TopicArn')) } : {}),
    ...(root.CloudFunctionConfiguration
      ? { LambdaFunctionConfigurations: root.CloudFunctionConfiguration.map((e) => readEntry(e, 'CloudFunction', 'LambdaFunctionArn')) }
      : {}),
    ...('EventBridgeConfiguration' in root ? { EventBridgeConfiguration: {} } : {}),
  };
  const parsed = notificationSchema.safeParse(candidate);
  if (!parsed.success) return { response: s3Error(400, 'InvalidArgument', parsed.error.issues[0]?.message ?? 'invalid configuration'), call };
  bucket.notification = parsed.data as NotificationConfiguration;
  return { response: { status: 200 }, call };
}
