import { z } from 'zod';

const subscriptionSchema = z.strictObject({
  protocol: z.enum(['email', 'email-json', 'http', 'https', 'sqs', 'lambda', 'sms', 'application', 'firehose']),
  endpoint: z.string().min(1),
  /** False while the endpoint has not confirmed (email, http): SNS delivers nothing to it. */
  confirmed: z.boolean().default(true),
});

const topicSchema = z.strictObject({
  displayName: z.string().default(''),
  subscriptions: z.array(subscriptionSchema).default([]),
});

/** The sns section of a world file: topics by name, each with its subscriptions. */
export const snsSectionSchema = z.strictObject({
  topics: z.record(z.string().regex(/^[\w-]{1,256}$/, 'expected a topic name (letters, digits, - and _)'), topicSchema).default({}),
});

/** One subscription, with the id SNS gives it. */
export type Subscription = z.infer<typeof subscriptionSchema> & { id: string };
/** One topic: its name, display name and subscriptions. */
export interface Topic {
  name: string;
  displayName: string;
  subscriptions: Subscription[];
}

/** The simulated SNS: topics by name. */
export interface SnsState {
  topics: Map<string, Topic>;
}

/** A stable subscription id from the topic and endpoint (SNS's are UUIDs; these look like them and never change). */
function subscriptionId(topic: string, index: number): string {
  const hex = Buffer.from(`${topic}#${index}`).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Builds the SNS state from a world's sns section. */
export function loadSnsState(section: unknown): SnsState {
  const parsed = snsSectionSchema.parse(section ?? {});
  const topics = new Map<string, Topic>();
  for (const [name, topic] of Object.entries(parsed.topics)) {
    topics.set(name, { name, displayName: topic.displayName, subscriptions: topic.subscriptions.map((s, index) => ({ ...s, id: subscriptionId(name, index) })) });
  }
  return { topics };
}
