import { DescribeStateMachineCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { defineCheck, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { groupDelivery, logGroupOfArn } from '../../src/diagnostics/logs/log-delivery';
import { regionOfArn, stateMachineConsoleUrl } from '../../src/diagnostics/stepfunctions/console-url';

const logGroupsConsoleUrl = (region: string) => `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups`;

/** 7.4: the Glue jobs' and the state machine's logs are kept for a bounded time and forwarded to the central log destination. */
export default defineCheck({
  id: 'central-log-delivery',
  title: 'Glue and Step Functions logs reach the central log destination',
  establishes:
    "The state machine logs to CloudWatch Logs, and each of its log groups, the Glue job log groups (pipeline.logGroups) and monitoring.extraLogGroups has a retention and a subscription filter to monitoring.centralLogDestinationArn.",
  kind: 'check',
  uses: ['sfn:DescribeStateMachine', 'logs:DescribeLogGroups', 'logs:DescribeSubscriptionFilters'],
  async run(ctx) {
    const { pipeline, monitoring } = ctx.config;
    if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
    if (!monitoring) return notConfigured(ctx.environment, 'monitoring.centralLogDestinationArn');
    const arn = pipeline.stateMachineArn;
    const region = regionOfArn(arn, ctx.config.aws?.region ?? 'us-east-1');
    const links = [link('CloudWatch log groups', logGroupsConsoleUrl(region)), link(`Step Functions: ${arn.split(':').pop()}`, stateMachineConsoleUrl(region, arn))];
    let machine;
    try {
      machine = await ctx.memo(['sfn:DescribeStateMachine', arn], (signal) => ctx.clients.sfn().send(new DescribeStateMachineCommand({ stateMachineArn: arn }), { abortSignal: signal }));
    } catch (cause) {
      if (cause instanceof StateMachineDoesNotExist) return fail(`state machine ${arn} does not exist`, { links });
      throw cause;
    }
    const logging = machine.loggingConfiguration;
    const machineGroups = (logging?.destinations ?? []).map((d) => logGroupOfArn(d.cloudWatchLogsLogGroup?.logGroupArn ?? '')).filter((g): g is string => Boolean(g));
    const gaps: string[] = [];
    const broken: string[] = [];
    if (!logging?.level || logging.level === 'OFF') gaps.push(`state machine ${machine.name} has logging off`);
    else if (machineGroups.length === 0) broken.push(`state machine ${machine.name} logs at level ${logging.level} to no log group`);
    const names = [...new Set([pipeline.logGroups.error, pipeline.logGroups.output, ...machineGroups, ...monitoring.extraLogGroups])];
    const groups = await Promise.all(names.map((name) => groupDelivery(ctx, name)));
    const delivered: string[] = [];
    for (const group of groups) {
      if (!group.exists) {
        broken.push(`log group ${group.name} does not exist${machineGroups.includes(group.name) ? ' (the state machine logs to it)' : ''}`);
        continue;
      }
      if (group.retentionInDays === null) gaps.push(`${group.name} keeps events forever (no retention)`);
      const central = group.filters.filter((f) => f.destinationArn === monitoring.centralLogDestinationArn);
      if (central.length) delivered.push(group.name);
      else gaps.push(`${group.name} has no subscription filter to the central destination${group.filters.length ? ` (only to ${group.filters.map((f) => f.destinationArn).join(', ')})` : ''}`);
    }
    const seen = [
      evidence('central destination', monitoring.centralLogDestinationArn),
      evidence('state machine logging', { level: logging?.level ?? null, includeExecutionData: logging?.includeExecutionData ?? null, logGroups: machineGroups }),
      evidence(
        'log groups',
        groups.map((g) => ({
          name: g.name,
          exists: g.exists,
          retentionInDays: g.exists ? g.retentionInDays : null,
          subscriptionFilters: g.exists ? g.filters.map((f) => ({ name: f.filterName ?? null, destination: f.destinationArn ?? null, pattern: f.filterPattern ?? '' })) : [],
        })),
      ),
    ];
    if (broken.length) return fail(broken.join('; '), { evidence: seen, links });
    if (gaps.length && delivered.length === 0) return warn(`not built yet: no log group reaches ${monitoring.centralLogDestinationArn.split(':').pop()}; ${gaps.join('; ')}`, { evidence: seen, links });
    if (gaps.length) return warn(gaps.join('; '), { evidence: seen, links });
    return pass(`${delivered.length} log groups, with retention, reach ${monitoring.centralLogDestinationArn.split(':').pop()}`, { evidence: seen, links });
  },
});
