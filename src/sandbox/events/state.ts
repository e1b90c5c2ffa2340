import { z } from 'zod';

const targetSchema = z.strictObject({
  /** The target's ARN (an SNS topic, a Lambda function, a queue). */
  arn: z.string().min(1),
  input: z.string().optional(),
  roleArn: z.string().min(1).optional(),
});

const ruleSchema = z.strictObject({
  description: z.string().optional(),
  /** The event pattern, as an object (the API sends it as a JSON string). */
  eventPattern: z.record(z.string(), z.unknown()).optional(),
  scheduleExpression: z.string().min(1).optional(),
  state: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  eventBusName: z.string().min(1).default('default'),
  /** The rule's targets by id. */
  targets: z.record(z.string().regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'expected a target id'), targetSchema).default({}),
});

/** The events section of a world file: EventBridge rules by name, each with its targets. */
export const eventsSectionSchema = z.strictObject({
  rules: z.record(z.string().regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'expected a rule name'), ruleSchema).default({}),
});

/** One rule and its name. */
export type EventRule = z.infer<typeof ruleSchema> & { name: string };

/** The simulated EventBridge: rules in name order. */
export interface EventsState {
  rules: EventRule[];
}

/** Builds the EventBridge state from a world's events section. */
export function loadEventsState(section: unknown): EventsState {
  const parsed = eventsSectionSchema.parse(section ?? {});
  const rules = Object.entries(parsed.rules).map(([name, rule]) => ({ ...rule, name }));
  return { rules: rules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}
