import { z } from 'zod';

const alarmSchema = z.strictObject({
  description: z.string().optional(),
  namespace: z.string().min(1),
  metricName: z.string().min(1),
  /** The metric's dimensions by name (`{ "StateMachineArn": "arn:aws:states:…" }`). */
  dimensions: z.record(z.string().min(1), z.string().min(1)).default({}),
  statistic: z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']).default('Sum'),
  period: z.number().int().positive().default(300),
  evaluationPeriods: z.number().int().positive().default(1),
  threshold: z.number(),
  comparisonOperator: z.enum(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold']),
  treatMissingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']).default('missing'),
  actionsEnabled: z.boolean().default(true),
  /** The ARNs notified when the alarm fires (SNS topics). */
  alarmActions: z.array(z.string().min(1)).default([]),
  okActions: z.array(z.string().min(1)).default([]),
  state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']).default('OK'),
  updatedOn: z.iso.datetime().optional(),
});

const dashboardSchema = z.strictObject({
  /** The dashboard body (widgets), as GetDashboard would return it parsed. */
  body: z.record(z.string(), z.unknown()).default({ widgets: [] }),
  lastModified: z.iso.datetime().optional(),
});

/** The cloudwatch section of a world file: metric alarms and dashboards by name. */
export const cloudwatchSectionSchema = z.strictObject({
  alarms: z.record(z.string().regex(/^[^\x00-\x1f]{1,255}$/, 'expected an alarm name'), alarmSchema).default({}),
  dashboards: z.record(z.string().regex(/^[\w-]{1,255}$/, 'expected a dashboard name (letters, digits, - and _)'), dashboardSchema).default({}),
});

/** One metric alarm as the world declares it. */
export type MetricAlarm = Omit<z.infer<typeof alarmSchema>, 'updatedOn'> & { name: string; updatedOn: Date };
/** One dashboard. */
export type Dashboard = { name: string; body: Record<string, unknown>; lastModified: Date };

/** The simulated CloudWatch: metric alarms and dashboards, each by name in name order. */
export interface CloudwatchState {
  alarms: MetricAlarm[];
  dashboards: Dashboard[];
}

/** Builds the CloudWatch state from a world's cloudwatch section; times default to when the world loads. */
export function loadCloudwatchState(section: unknown, now: Date): CloudwatchState {
  const parsed = cloudwatchSectionSchema.parse(section ?? {});
  const byName = <T extends { name: string }>(items: T[]) => items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    alarms: byName(Object.entries(parsed.alarms).map(([name, alarm]) => ({ ...alarm, name, updatedOn: alarm.updatedOn ? new Date(alarm.updatedOn) : now }))),
    dashboards: byName(Object.entries(parsed.dashboards).map(([name, d]) => ({ name, body: d.body, lastModified: d.lastModified ? new Date(d.lastModified) : now }))),
  };
}
