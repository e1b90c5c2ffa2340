import { z } from 'zod';

/** The ingestion latency metric that 7.5 expects an alarm on, and the SLA its threshold must hold to. */
const ingestionLatencySchema = z.strictObject({
  namespace: z.string().min(1),
  metricName: z.string().min(1),
  /** The promised latency from a file landing to its data being queryable, in minutes. */
  slaMinutes: z.number().positive(),
  /** The unit the metric is published in: the alarm's threshold is read in it. */
  unit: z.enum(['Seconds', 'Minutes', 'Milliseconds']).default('Seconds'),
});

/** Sections 6 and 7: where the platform's alerts, logs and cost views are expected to be. */
export const monitoringSchema = z.strictObject({
  /** The central log destination every Glue and Step Functions log group subscribes to (a Logs destination, Kinesis or Firehose ARN). */
  centralLogDestinationArn: z.string().regex(/^arn:aws[\w-]*:(logs|kinesis|firehose|lambda):[\w-]+:\d{12}:.+$/, 'expected the ARN of a Logs destination, a Kinesis or Firehose stream, or a Lambda function'),
  /** Log groups that must reach it besides the Glue job groups (pipeline.logGroups) and the state machine's own. */
  extraLogGroups: z.array(z.string().min(1)).default([]),
  ingestionLatency: ingestionLatencySchema,
  /** A dashboard whose name matches this (case-insensitive) counts as a cost dashboard, as does one that charts AWS/Billing. */
  costDashboardPattern: z.string().min(1).default('cost|billing|spend'),
});

/** Monitoring settings of one environment. */
export type MonitoringConfig = z.infer<typeof monitoringSchema>;
