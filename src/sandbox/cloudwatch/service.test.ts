import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeAlarmsCommand, InvalidNextToken, ListDashboardsCommand } from '@aws-sdk/client-cloudwatch';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

let sandbox: Sandbox;
let cloudwatch: ReturnType<typeof sandboxSdkClients>['cloudwatch'];
const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  cloudwatch = sandboxSdkClients(sandbox.url).cloudwatch;
});
afterAll(async () => {
  cloudwatch?.destroy();
  await sandbox.stop();
});

/** A query-protocol POST, as the AWS CLI v2 sends CloudWatch calls (form body, XML answer). */
async function queryPost(body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });
  return { status: response.status, text: await response.text() };
}

describe('the CloudWatch sandbox answers the SDK in awsJson1_0 (query-compatible), the protocol the installed client sends', () => {
  it('describes the metric alarms with their metric, dimensions, threshold and actions; times are Dates', async () => {
    const { MetricAlarms, CompositeAlarms } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'arai-' }));
    expect(CompositeAlarms).toEqual([]);
    expect(MetricAlarms).toHaveLength(1);
    expect(MetricAlarms![0]).toMatchObject({
      AlarmName: 'arai-ingestion-executions-failed',
      AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:arai-ingestion-executions-failed',
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: machine }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:arai-platform-alerts'],
      StateValue: 'OK',
    });
    expect(MetricAlarms![0]!.StateUpdatedTimestamp).toBeInstanceOf(Date);
    const sent = sandbox.calls.all().at(-1)!;
    expect(sent).toMatchObject({ service: 'cloudwatch', operation: 'DescribeAlarms', mutates: false, status: 200 });
  });

  it('is what the installed client sends: awsJson1_0 with X-Amz-Target (not awsQuery, not rpcv2Cbor)', async () => {
    const sent: Array<Record<string, string>> = [];
    cloudwatch.middlewareStack.add((next) => async (args) => (sent.push({ ...(args.request as { headers: Record<string, string> }).headers }), next(args)), { step: 'finalizeRequest', name: 'captureHeaders' });
    await cloudwatch.send(new ListDashboardsCommand({}));
    cloudwatch.middlewareStack.remove('captureHeaders');
    expect(sent[0]).toMatchObject({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.ListDashboards' });
  });

  it('filters by names and state, pages with MaxRecords, and raises InvalidNextToken for a token it did not issue', async () => {
    expect((await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['nope'] }))).MetricAlarms).toEqual([]);
    expect((await cloudwatch.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }))).MetricAlarms).toEqual([]);
    expect((await cloudwatch.send(new DescribeAlarmsCommand({ ActionPrefix: 'arn:aws:sns:' }))).MetricAlarms).toHaveLength(1);
    await expect(cloudwatch.send(new DescribeAlarmsCommand({ NextToken: 'not-ours' }))).rejects.toBeInstanceOf(InvalidNextToken);
  });

  it('lists the dashboards with their global ARN, last change and size', async () => {
    const { DashboardEntries } = await cloudwatch.send(new ListDashboardsCommand({}));
    expect(DashboardEntries).toEqual([
      { DashboardName: 'arai-pipeline', DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/arai-pipeline', LastModified: expect.any(Date), Size: expect.any(Number) },
    ]);
    expect((await cloudwatch.send(new ListDashboardsCommand({ DashboardNamePrefix: 'cost' }))).DashboardEntries).toEqual([]);
  });
});

describe('the CloudWatch sandbox answers awsQuery, the protocol the AWS CLI v2 sends', () => {
  it('answers DescribeAlarms as XML with member lists', async () => {
    const { status, text } = await queryPost('Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=arai-ingestion-executions-failed');
    expect(status).toBe(200);
    expect(text).toContain('<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><CompositeAlarms></CompositeAlarms><MetricAlarms><member><AlarmName>arai-ingestion-executions-failed</AlarmName>');
    expect(text).toContain('<Dimensions><member><Name>StateMachineArn</Name><Value>arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion</Value></member></Dimensions>');
    expect(text).toMatch(/<StateUpdatedTimestamp>\d{4}-\d\d-\d\dT[\d:.]+Z<\/StateUpdatedTimestamp>/);
  });

  it('answers an action it does not serve with InvalidAction and a bad parameter with ValidationError, as XML', async () => {
    const unknown = await queryPost('Action=PutMetricAlarm&Version=2010-08-01');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<Code>InvalidAction</Code>');
    const invalid = await queryPost('Action=DescribeAlarms&Version=2010-08-01&MaxRecords=500');
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('<Code>ValidationError</Code>');
  });
});
