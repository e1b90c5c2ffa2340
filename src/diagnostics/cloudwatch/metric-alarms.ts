import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';

/** The metric an alarm watches: its own, or each metric of its metric-math expression. */
export interface WatchedMetric {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

/** The metrics an alarm watches, from `Namespace`/`MetricName`/`Dimensions` or from the `MetricStat`s of its `Metrics`. */
export function watchedMetrics(alarm: MetricAlarm): WatchedMetric[] {
  const dims = (list: { Name?: string | undefined; Value?: string | undefined }[] | undefined) => Object.fromEntries((list ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
  if (alarm.MetricName && alarm.Namespace) return [{ namespace: alarm.Namespace, metricName: alarm.MetricName, dimensions: dims(alarm.Dimensions) }];
  return (alarm.Metrics ?? []).flatMap((query) => {
    const metric = query.MetricStat?.Metric;
    return metric?.MetricName && metric.Namespace ? [{ namespace: metric.Namespace, metricName: metric.MetricName, dimensions: dims(metric.Dimensions) }] : [];
  });
}

/** The alarms that watch `namespace`/`metricName`, with every dimension given (others may be present too). */
export function alarmsOnMetric(alarms: readonly MetricAlarm[], namespace: string, metricName: string, dimensions: Record<string, string> = {}): MetricAlarm[] {
  return alarms.filter((alarm) =>
    watchedMetrics(alarm).some((m) => m.namespace === namespace && m.metricName === metricName && Object.entries(dimensions).every(([name, value]) => m.dimensions[name] === value)),
  );
}

/** Why an alarm would notify nobody when it fires, or null when it notifies someone: no alarm action, or actions disabled. */
export function silentAlarm(alarm: MetricAlarm): string | null {
  if (alarm.ActionsEnabled === false) return `alarm ${alarm.AlarmName} has its actions disabled`;
  if (!alarm.AlarmActions?.length) return `alarm ${alarm.AlarmName} has no alarm action: it changes state and notifies nobody`;
  return null;
}

/** An alarm as evidence: what it watches, its threshold and where it notifies. */
export function alarmEvidence(alarm: MetricAlarm) {
  return {
    name: alarm.AlarmName ?? null,
    metrics: watchedMetrics(alarm).map((m) => `${m.namespace} ${m.metricName}${Object.keys(m.dimensions).length ? ` ${JSON.stringify(m.dimensions)}` : ''}`),
    threshold: alarm.Threshold ?? null,
    comparison: alarm.ComparisonOperator ?? null,
    period: alarm.Period ?? null,
    evaluationPeriods: alarm.EvaluationPeriods ?? null,
    actionsEnabled: alarm.ActionsEnabled ?? null,
    alarmActions: alarm.AlarmActions ?? [],
    state: alarm.StateValue ?? null,
  };
}
