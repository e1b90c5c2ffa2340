import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import costMonitoring from '../checks/cloudwatch/cost-monitoring';
import ingestionLatencyAlarm from '../checks/cloudwatch/ingestion-latency-alarm';
import stepFunctionsFailureAlarm from '../checks/cloudwatch/step-functions-failure-alarm';
import glueFailureAlerts from '../checks/eventbridge/glue-failure-alerts';
import centralLogDelivery from '../checks/logs/central-log-delivery';
import { loadBudgetsState } from '../src/sandbox/budgets/state';
import { loadCloudwatchState } from '../src/sandbox/cloudwatch/state';
import { loadEventsState } from '../src/sandbox/events/state';
import { loadLogsState } from '../src/sandbox/logs/state';
import { loadSfnState } from '../src/sandbox/sfn/state';
import { loadSnsState } from '../src/sandbox/sns/state';
import { loadWorld } from '../src/sandbox/world/load-world';
import { mergePatch } from '../src/sandbox/world/merge-patch';
import { checkHarness, evidenceOf, sandboxConfig } from './support/check-harness';

const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';
const topic = 'arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts';
const central = sandboxConfig.monitoring!.centralLogDestinationArn;
const now = new Date();
/** The healthy world's section of one service with a merge patch over it, as a world file would patch it. */
const healthy = (section: string, patch: unknown = {}) => mergePatch(loadWorld('healthy', now).sections[section], patch);

let h: Awaited<ReturnType<typeof checkHarness>>;
beforeAll(async () => (h = await checkHarness('healthy')));
afterAll(() => h.close());
beforeEach(async () => h.sandbox.loadWorld('healthy'));

describe('6.3 step-functions-failure-alarm', () => {
  it('passes in healthy: the ExecutionsFailed alarm of the machine notifies the alert topic', async () => {
    const result = await h.run(stepFunctionsFailureAlarm);
    expect(result).toMatchObject({ status: 'pass', summary: 'alarm arai-ingestion-executions-failed watches ExecutionsFailed of arai-ingestion and notifies arai-platform-alerts' });
    expect(result.links[0]!.url).toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/arai-ingestion-executions-failed');
    expect(h.sandbox.calls.mutations()).toEqual([]);
  });

  it('fails when the alarm notifies nobody (no action, or actions disabled)', async () => {
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', { alarms: { 'arai-ingestion-executions-failed': { alarmActions: [] } } }), now);
    expect(await h.run(stepFunctionsFailureAlarm)).toMatchObject({ status: 'fail', summary: 'alarm arai-ingestion-executions-failed has no alarm action: it changes state and notifies nobody' });
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', { alarms: { 'arai-ingestion-executions-failed': { actionsEnabled: false } } }), now);
    expect(await h.run(stepFunctionsFailureAlarm)).toMatchObject({ status: 'fail', summary: 'alarm arai-ingestion-executions-failed has its actions disabled' });
  });

  it("fails when no alarm watches this machine's failures: another machine's alarm does not count", async () => {
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', { alarms: { 'arai-ingestion-executions-failed': { dimensions: { StateMachineArn: `${machine}-v2` } } } }), now);
    const result = await h.run(stepFunctionsFailureAlarm);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('no CloudWatch alarm on AWS/States ExecutionsFailed for arai-ingestion: a failed execution notifies nobody');
    expect(evidenceOf(result, 'expected')).toEqual({ namespace: 'AWS/States', metricName: 'ExecutionsFailed', dimensions: { StateMachineArn: machine } });
  });

  it('skips, naming the setting, where the environment configures no state machine', async () => {
    const { pipeline: _pipeline, ...env } = sandboxConfig;
    expect(await h.run(stepFunctionsFailureAlarm, { env })).toMatchObject({ status: 'skip', summary: 'not configured: environments.sandbox.pipeline.stateMachineArn is not set in runbook.config.ts' });
  });
});

describe('7.1 glue-failure-alerts', () => {
  it('passes in healthy: the rule matches both jobs and its topic has two confirmed subscribers', async () => {
    const result = await h.run(glueFailureAlerts);
    expect(result.status).toBe('pass');
    expect(result.summary).toBe('failures of arai-raw-to-processed, arai-processed-compact reach arai-platform-alerts (email:data-platform-oncall@example.com, https://events.pagerduty.example.com/…)')
    expect(JSON.stringify(result)).not.toContain('/integration/arai/enqueue');;
    expect(h.sandbox.calls.all().map((c) => `${c.service}:${c.operation}`).sort()).toEqual(['events:ListRules', 'events:ListTargetsByRule', 'sns:ListSubscriptionsByTopic']);
  });

  it('fails in no-glue-failure-alert: the topic has only a subscription pending confirmation', async () => {
    await h.sandbox.loadWorld('no-glue-failure-alert');
    const result = await h.run(glueFailureAlerts);
    expect(result).toMatchObject({ status: 'fail', summary: 'a failed run of arai-raw-to-processed, arai-processed-compact alerts nobody: topic arai-platform-alerts has no confirmed subscription (1 pending confirmation)' });
  });

  it('fails when the topic has no subscription at all (an empty list read as such, not as a missing answer)', async () => {
    h.sandbox.states.sns = loadSnsState(healthy('sns', { topics: { 'arai-platform-alerts': { subscriptions: [] } } }));
    expect(await h.run(glueFailureAlerts)).toMatchObject({ status: 'fail', summary: 'a failed run of arai-raw-to-processed, arai-processed-compact alerts nobody: topic arai-platform-alerts has no confirmed subscription' });
  });

  it('fails when the rule is disabled or targets a topic that does not exist', async () => {
    h.sandbox.states.events = loadEventsState(healthy('events', { rules: { 'arai-glue-job-failed': { state: 'DISABLED' } } }));
    expect((await h.run(glueFailureAlerts)).summary).toBe('a failed run of arai-raw-to-processed, arai-processed-compact alerts nobody: rule arai-glue-job-failed is DISABLED');
    h.sandbox.states.events = loadEventsState(healthy('events', { rules: { 'arai-glue-job-failed': { targets: { 'platform-alerts': { arn: `${topic}-old` } } } } }));
    const gone = await h.run(glueFailureAlerts);
    expect(gone).toMatchObject({ status: 'fail', summary: 'a failed run of arai-raw-to-processed, arai-processed-compact alerts nobody: rule arai-glue-job-failed targets topic arai-platform-alerts-old, which does not exist' });
  });

  it('warns, as a goal not met, when no rule matches Glue failures; and for one job left out', async () => {
    h.sandbox.states.events = loadEventsState(healthy('events', { rules: { 'arai-glue-job-failed': null } }));
    const none = await h.run(glueFailureAlerts);
    expect(none.status).toBe('warn');
    expect(none.summary).toMatch(/^not built yet: no EventBridge rule matches "Glue Job State Change" with state FAILED for arai-raw-to-processed, arai-processed-compact/);
    h.sandbox.states.events = loadEventsState(healthy('events', { rules: { 'arai-glue-job-failed': { eventPattern: { detail: { jobName: ['arai-raw-to-processed'] } } } } }));
    expect(await h.run(glueFailureAlerts)).toMatchObject({ status: 'warn', summary: 'no EventBridge rule matches failures of arai-processed-compact (the other jobs are alerted)' });
  });

  it('reports error, naming the rule and the operator, when the only candidate pattern cannot be read', async () => {
    h.sandbox.states.events = loadEventsState(healthy('events', { rules: { 'arai-glue-job-failed': { eventPattern: { detail: { state: [{ numeric: ['>', 0] }] } } } } }));
    const result = await h.run(glueFailureAlerts);
    expect(result.status).toBe('error');
    expect(result.summary).toContain('rule arai-glue-job-failed: detail.state: the operator "numeric" is not one this reader evaluates');
  });
});

describe('7.3 cost-monitoring', () => {
  it('warns in healthy: neither a budget (Budgets answers NotFoundException) nor a cost dashboard, only the pipeline one', async () => {
    const result = await h.run(costMonitoring);
    expect(result).toMatchObject({ status: 'warn', summary: 'not built yet: no cost budget in AWS Budgets and no CloudWatch dashboard matching /cost|billing|spend/i (1 other dashboards)' });
    expect(evidenceOf(result, 'other dashboards')).toEqual(['arai-pipeline']);
  });

  it('passes with a cost budget, or with a dashboard named for cost', async () => {
    h.sandbox.states.budgets = loadBudgetsState({ budgets: { 'arai-monthly': { limit: { amount: 1500 }, actualSpend: { amount: 612.4 } } } }, now);
    const budget = await h.run(costMonitoring);
    expect(budget).toMatchObject({ status: 'pass', summary: 'cost is watched by budget arai-monthly' });
    expect(evidenceOf(budget, 'cost budgets')).toEqual([{ name: 'arai-monthly', limit: '1500.0 USD', timeUnit: 'MONTHLY', actualSpend: '612.4 USD' }]);
    h.sandbox.states.budgets = loadBudgetsState({}, now);
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', { dashboards: { 'arai-Cost-Explorer': {} } }), now);
    expect(await h.run(costMonitoring)).toMatchObject({ status: 'pass', summary: 'cost is watched by dashboard arai-Cost-Explorer' });
  });
});

describe('7.4 central-log-delivery', () => {
  it('warns in healthy: logs are kept, but no group subscribes to the central destination', async () => {
    const result = await h.run(centralLogDelivery);
    expect(result.status).toBe('warn');
    expect(result.summary).toBe(
      'not built yet: no log group reaches central-log-archive; /aws-glue/jobs/error keeps events forever (no retention); /aws-glue/jobs/error has no subscription filter to the central destination; /aws-glue/jobs/output has no subscription filter to the central destination; /aws/vendedlogs/states/arai-ingestion has no subscription filter to the central destination',
    );
    expect(evidenceOf(result, 'state machine logging')).toEqual({ level: 'ERROR', includeExecutionData: false, logGroups: ['/aws/vendedlogs/states/arai-ingestion'] });
  });

  it('passes when every group has a retention and a filter to the destination', async () => {
    const filter = { subscriptionFilters: { central: { destinationArn: central } } };
    h.sandbox.states.logs = loadLogsState(healthy('logs', { logGroups: { '/aws-glue/jobs/error': { retentionInDays: 14, ...filter }, '/aws-glue/jobs/output': filter, '/aws/vendedlogs/states/arai-ingestion': filter } }));
    expect(await h.run(centralLogDelivery)).toMatchObject({ status: 'pass', summary: '3 log groups, with retention, reach central-log-archive' });
  });

  it('fails when the state machine logs to a group that does not exist; warns when its logging is off', async () => {
    h.sandbox.states.logs = loadLogsState(healthy('logs', { logGroups: { '/aws/vendedlogs/states/arai-ingestion': null } }));
    expect(await h.run(centralLogDelivery)).toMatchObject({ status: 'fail', summary: 'log group /aws/vendedlogs/states/arai-ingestion does not exist (the state machine logs to it)' });
    h.sandbox.states.sfn = loadSfnState(healthy('sfn', { stateMachines: { 'arai-ingestion': { logging: { level: 'OFF', logGroupArn: null } } } }));
    const off = await h.run(centralLogDelivery);
    expect(off.status).toBe('warn');
    expect(off.summary).toContain('state machine arai-ingestion has logging off');
  });
});

describe('7.5 ingestion-latency-alarm', () => {
  const latencyAlarm = (overrides: Record<string, unknown>) => ({
    alarms: { 'arai-ingestion-latency': { namespace: 'ARAI/Ingestion', metricName: 'IngestionLatency', statistic: 'Maximum', threshold: 18_000, comparisonOperator: 'GreaterThanOrEqualToThreshold', alarmActions: [topic], ...overrides } },
  });

  it('warns in healthy: nothing tracks the SLA yet', async () => {
    expect(await h.run(ingestionLatencyAlarm)).toMatchObject({ status: 'warn', summary: 'not built yet: no CloudWatch alarm on ARAI/Ingestion IngestionLatency; nothing says when ingestion runs past its 360 min SLA' });
  });

  it('passes with an alarm at or under the SLA that notifies someone', async () => {
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', latencyAlarm({})), now);
    expect(await h.run(ingestionLatencyAlarm)).toMatchObject({ status: 'pass', summary: 'alarm arai-ingestion-latency fires at ARAI/Ingestion IngestionLatency ≥ 18000 seconds (SLA 360 min) and notifies someone' });
  });

  it.each([
    [{ threshold: 28_800 }, 'alarm arai-ingestion-latency fires at 480 min, later than the 360 min SLA'],
    [{ comparisonOperator: 'LessThanThreshold' }, 'alarm arai-ingestion-latency fires when latency is LessThanThreshold, not above a limit'],
    [{ alarmActions: [] }, 'alarm arai-ingestion-latency has no alarm action: it changes state and notifies nobody'],
  ])('fails when the alarm is built but cannot hold the SLA: %j', async (overrides, summary) => {
    h.sandbox.states.cloudwatch = loadCloudwatchState(healthy('cloudwatch', latencyAlarm(overrides)), now);
    expect(await h.run(ingestionLatencyAlarm)).toMatchObject({ status: 'fail', summary });
  });
});

describe('the sfn-failures-unmonitored world', () => {
  it('fails 6.3 only: the alarm is gone, and the other posture checks judge as in healthy', async () => {
    await h.sandbox.loadWorld('sfn-failures-unmonitored');
    expect(await h.run(stepFunctionsFailureAlarm)).toMatchObject({ status: 'fail', summary: 'no CloudWatch alarm on AWS/States ExecutionsFailed for arai-ingestion: a failed execution notifies nobody' });
    expect((await h.run(glueFailureAlerts)).status).toBe('pass');
    expect((await h.run(ingestionLatencyAlarm)).status).toBe('warn');
  });
});

describe('an answer a posture check cannot read is an error that names the service and the operation, never a verdict', () => {
  afterAll(() => h.sandbox.setFaults([]));

  it.each([
    ['6.3', stepFunctionsFailureAlarm, 'cloudwatch', 'DescribeAlarms', 'empty-body', /CloudWatch DescribeAlarms/],
    ['7.1', glueFailureAlerts, 'events', 'ListRules', 'html-page', /EventBridge ListRules: the answer is text\/html/],
    ['7.3', costMonitoring, 'cloudwatch', 'ListDashboards', 'malformed-body', /CloudWatch ListDashboards/],
    ['7.4', centralLogDelivery, 'logs', 'DescribeSubscriptionFilters', 'empty-body', /CloudWatch Logs DescribeSubscriptionFilters/],
    ['7.5', ingestionLatencyAlarm, 'cloudwatch', 'DescribeAlarms', 'html-page', /CloudWatch DescribeAlarms: the answer is text\/html/],
  ] as const)('%s: %s %s answering %s', async (_step, check, service, operation, kind, message) => {
    h.sandbox.setFaults([{ service, operation, effect: { kind } }]);
    await expect(h.run(check)).rejects.toThrow(message);
  });
});
