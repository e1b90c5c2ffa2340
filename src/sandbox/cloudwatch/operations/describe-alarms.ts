import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { paginate } from '../../aws-json/pagination';
import { sandboxCredentials } from '../../credentials';
import { cloudwatchOperation } from '../operation';
import type { MetricAlarm } from '../state';
import { regionalArn } from '../../authorization/arns';

const list = (max: number) => z.array(z.string().min(1).max(255)).max(max);

const input = z.object({
  AlarmNames: list(100).optional(),
  AlarmNamePrefix: z.string().min(1).max(255).optional(),
  AlarmTypes: z.array(z.enum(['CompositeAlarm', 'MetricAlarm'])).optional(),
  ChildrenOfAlarmName: z.string().min(1).optional(),
  ParentsOfAlarmName: z.string().min(1).optional(),
  StateValue: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']).optional(),
  ActionPrefix: z.string().min(1).max(1024).optional(),
  MaxRecords: z.coerce.number().int().min(1).max(100).optional(),
  NextToken: z.string().min(1).optional(),
});

/** A metric alarm in DescribeAlarms' shape. */
function alarmShape(alarm: MetricAlarm) {
  return {
    AlarmName: alarm.name,
    AlarmArn: `arn:aws:cloudwatch:${sandboxCredentials.region}:${sandboxAccountId}:alarm:${alarm.name}`,
    ...(alarm.description ? { AlarmDescription: alarm.description } : {}),
    AlarmConfigurationUpdatedTimestamp: alarm.updatedOn,
    ActionsEnabled: alarm.actionsEnabled,
    OKActions: alarm.okActions,
    AlarmActions: alarm.alarmActions,
    InsufficientDataActions: [],
    StateValue: alarm.state,
    StateReason: alarm.state === 'ALARM' ? `Threshold Crossed: 1 datapoint was ${alarm.comparisonOperator.replace(/Threshold$/, '').replace(/([A-Z])/g, ' $1').trim().toLowerCase()} the threshold (${alarm.threshold}).` : 'Threshold Crossed: no datapoint was breaching the threshold.',
    StateUpdatedTimestamp: alarm.updatedOn,
    MetricName: alarm.metricName,
    Namespace: alarm.namespace,
    Statistic: alarm.statistic,
    Dimensions: Object.entries(alarm.dimensions).map(([Name, Value]) => ({ Name, Value })),
    Period: alarm.period,
    EvaluationPeriods: alarm.evaluationPeriods,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparisonOperator,
    TreatMissingData: alarm.treatMissingData,
  };
}

/**
 * DescribeAlarms: the metric alarms by names, a name prefix, a state or an action prefix, a page at a time (at
 * most 100, 50 unless MaxRecords says). The sandbox holds no composite alarms: `CompositeAlarms` is always empty.
 */
export const describeAlarms = cloudwatchOperation({
  input,
  permission: () => ({ action: 'cloudwatch:DescribeAlarms', resource: regionalArn('cloudwatch', 'alarm:*') }),
  run(input, env) {
    if (input.AlarmNames && input.AlarmNamePrefix) return { error: { code: 'InvalidParameterCombination', message: 'AlarmNames and AlarmNamePrefix cannot be used together.' } };
    if ((input.ChildrenOfAlarmName || input.ParentsOfAlarmName) && (input.AlarmNames || input.AlarmNamePrefix || input.StateValue || input.ActionPrefix)) {
      return { error: { code: 'InvalidParameterCombination', message: 'ChildrenOfAlarmName and ParentsOfAlarmName cannot be combined with other filters.' } };
    }
    const metricAlarmsWanted = !input.AlarmTypes || input.AlarmTypes.includes('MetricAlarm');
    const relatives = Boolean(input.ChildrenOfAlarmName || input.ParentsOfAlarmName);
    const alarms = env.states.cloudwatch.alarms
      .filter(() => metricAlarmsWanted && !relatives)
      .filter((alarm) => !input.AlarmNames || input.AlarmNames.includes(alarm.name))
      .filter((alarm) => alarm.name.startsWith(input.AlarmNamePrefix ?? ''))
      .filter((alarm) => !input.StateValue || alarm.state === input.StateValue)
      .filter((alarm) => !input.ActionPrefix || [...alarm.alarmActions, ...alarm.okActions].some((action) => action.startsWith(input.ActionPrefix!)));
    const page = paginate(alarms, input.MaxRecords ?? 50, input.NextToken);
    return { result: { CompositeAlarms: [], MetricAlarms: page.items.map(alarmShape), ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
