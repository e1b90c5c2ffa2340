import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { defineCheck, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { alarmConsoleUrl, alarmsConsoleUrl } from '../../src/diagnostics/cloudwatch/console-url';
import { listMetricAlarms } from '../../src/diagnostics/cloudwatch/list-alarms';
import { alarmEvidence, alarmsOnMetric, silentAlarm } from '../../src/diagnostics/cloudwatch/metric-alarms';

const minutesPer = { Seconds: 1 / 60, Minutes: 1, Milliseconds: 1 / 60_000 } as const;

/** Why an alarm does not hold latency to the SLA, or null when it does: it fires above the SLA, or on latency falling. */
function thresholdProblem(alarm: MetricAlarm, slaMinutes: number, unit: keyof typeof minutesPer): string | null {
  if (!alarm.ComparisonOperator?.startsWith('GreaterThan')) return `alarm ${alarm.AlarmName} fires when latency is ${alarm.ComparisonOperator ?? 'compared in no known way'}, not above a limit`;
  if (alarm.Threshold === undefined) return `alarm ${alarm.AlarmName} has no static threshold (an anomaly band or metric math threshold is not an SLA)`;
  const thresholdMinutes = alarm.Threshold * minutesPer[unit];
  if (thresholdMinutes > slaMinutes) return `alarm ${alarm.AlarmName} fires at ${+thresholdMinutes.toFixed(2)} min, later than the ${slaMinutes} min SLA`;
  return null;
}

/** 7.5: an alarm fires when ingestion latency reaches its SLA, and notifies someone. */
export default defineCheck({
  id: 'ingestion-latency-alarm',
  title: 'Ingestion latency is tracked against its SLA',
  establishes:
    'A CloudWatch alarm on monitoring.ingestionLatency (namespace and metric) fires when latency rises to or above a threshold no later than the SLA, with its actions enabled and an alarm action.',
  kind: 'check',
  uses: ['cloudwatch:DescribeAlarms'],
  async run(ctx) {
    const latency = ctx.config.monitoring?.ingestionLatency;
    if (!latency) return notConfigured(ctx.environment, 'monitoring.ingestionLatency');
    const region = ctx.config.aws?.region ?? 'us-east-1';
    const metric = `${latency.namespace} ${latency.metricName}`;
    const alarms = alarmsOnMetric(await listMetricAlarms(ctx), latency.namespace, latency.metricName);
    const expected = evidence('expected', { ...latency });
    if (alarms.length === 0) {
      return warn(`not built yet: no CloudWatch alarm on ${metric}; nothing says when ingestion runs past its ${latency.slaMinutes} min SLA`, { evidence: [expected], links: [link('CloudWatch alarms', alarmsConsoleUrl(region))] });
    }
    const seen = [expected, evidence('alarms', alarms.map(alarmEvidence))];
    const links = alarms.map((alarm) => link(`CloudWatch alarm ${alarm.AlarmName}`, alarmConsoleUrl(region, alarm.AlarmName ?? '')));
    const judged = alarms.map((alarm) => ({ alarm, problem: thresholdProblem(alarm, latency.slaMinutes, latency.unit) ?? silentAlarm(alarm) }));
    const good = judged.filter((j) => !j.problem);
    if (good.length === 0) return fail(judged.map((j) => j.problem).join('; '), { evidence: seen, links });
    return pass(`alarm ${good.map((j) => j.alarm.AlarmName).join(', ')} fires at ${metric} ≥ ${good[0]!.alarm.Threshold} ${latency.unit.toLowerCase()} (SLA ${latency.slaMinutes} min) and notifies someone`, { evidence: seen, links });
  },
});
