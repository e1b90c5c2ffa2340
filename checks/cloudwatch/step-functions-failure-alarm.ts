import { defineCheck, evidence, fail, link, notConfigured, pass } from '../../src/check-api';
import { alarmConsoleUrl, alarmsConsoleUrl } from '../../src/diagnostics/cloudwatch/console-url';
import { listMetricAlarms } from '../../src/diagnostics/cloudwatch/list-alarms';
import { alarmEvidence, alarmsOnMetric, silentAlarm } from '../../src/diagnostics/cloudwatch/metric-alarms';
import { regionOfArn } from '../../src/diagnostics/stepfunctions/console-url';

/** 6.3: a CloudWatch alarm watches the ingestion state machine's failed executions and notifies someone. */
export default defineCheck({
  id: 'step-functions-failure-alarm',
  title: 'Step Functions execution failures raise an alarm',
  establishes: 'A CloudWatch alarm on AWS/States ExecutionsFailed for the ingestion state machine (its StateMachineArn dimension) exists with its actions enabled and at least one alarm action.',
  kind: 'check',
  uses: ['cloudwatch:DescribeAlarms'],
  async run(ctx) {
    const pipeline = ctx.config.pipeline;
    if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
    const arn = pipeline.stateMachineArn;
    const region = regionOfArn(arn, ctx.config.aws?.region ?? 'us-east-1');
    const alarms = alarmsOnMetric(await listMetricAlarms(ctx), 'AWS/States', 'ExecutionsFailed', { StateMachineArn: arn });
    if (alarms.length === 0) {
      return fail(`no CloudWatch alarm on AWS/States ExecutionsFailed for ${arn.split(':').pop()}: a failed execution notifies nobody`, {
        evidence: [evidence('expected', { namespace: 'AWS/States', metricName: 'ExecutionsFailed', dimensions: { StateMachineArn: arn } })],
        links: [link('CloudWatch alarms', alarmsConsoleUrl(region))],
      });
    }
    const seen = [evidence('alarms', alarms.map(alarmEvidence))];
    const links = alarms.map((alarm) => link(`CloudWatch alarm ${alarm.AlarmName}`, alarmConsoleUrl(region, alarm.AlarmName ?? '')));
    const notifying = alarms.filter((alarm) => !silentAlarm(alarm));
    if (notifying.length === 0) return fail(alarms.map((alarm) => silentAlarm(alarm)).join('; '), { evidence: seen, links });
    const names = notifying.map((alarm) => alarm.AlarmName).join(', ');
    return pass(`alarm ${names} watches ExecutionsFailed of ${arn.split(':').pop()} and notifies ${notifying.flatMap((a) => a.AlarmActions ?? []).map((a) => a.split(':').pop()).join(', ')}`, { evidence: seen, links });
  },
});
