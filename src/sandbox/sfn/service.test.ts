import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { resolveDateTemplates as dated } from '../world/relative-time';

const machineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion';
let sandbox: Sandbox;
let sfn: ReturnType<typeof sandboxSdkClients>['sfn'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  sfn = sandboxSdkClients(sandbox.url).sfn;
});
afterAll(async () => {
  sfn?.destroy();
  await sandbox.stop();
});

describe('the Step Functions sandbox speaks awsJson1_0 to the real SDK', () => {
  it('lists the state machine and describes it with its definition as a JSON string', async () => {
    const list = await sfn.send(new ListStateMachinesCommand({}));
    expect(list.stateMachines?.map((m) => m.stateMachineArn)).toContain(machineArn);
    const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }));
    expect(typeof machine.definition).toBe('string');
    expect(JSON.parse(machine.definition!).StartAt).toBe('RawToProcessed');
    expect(machine.roleArn).toBe('arn:aws:iam::123456789012:role/arai-sfn-role');
    expect(machine.creationDate).toBeInstanceOf(Date);
  });

  it('lists executions newest first, one page at a time, with a status filter', async () => {
    const first = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1 }));
    expect(first.executions).toHaveLength(1);
    expect(first.executions![0]!.name).toBe(`daily-${dated('{now-2h:YYYY-MM-DD}')}`);
    expect(first.nextToken).toBeTruthy();
    const second = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1, nextToken: first.nextToken }));
    expect(second.executions![0]!.name).toBe(`daily-${dated('{now-26h:YYYY-MM-DD}')}`);
    const failed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: 'FAILED' }));
    expect(failed.executions).toEqual([]);
  });

  it('returns history events with string-encoded input, output and a Glue JobRun as the task output, in reverse order on request', async () => {
    const arn = `${machineArn.replace(':stateMachine:', ':execution:')}:daily-${dated('{now-2h:YYYY-MM-DD}')}`;
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    const types = history.events!.map((e) => e.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types).toContain('TaskSubmitted');
    expect(types[types.length - 1]).toBe('ExecutionSucceeded');
    expect(typeof history.events![0]!.executionStartedEventDetails!.input).toBe('string');
    const succeeded = history.events!.find((e) => e.type === 'TaskSucceeded')!;
    expect(JSON.parse(succeeded.taskSucceededEventDetails!.output!).JobRunState).toBe('SUCCEEDED');
    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: 2 }));
    expect(reversed.events!.map((e) => e.type)).toEqual(['ExecutionSucceeded', 'SucceedStateExited']);
    expect(reversed.nextToken).toBeTruthy();
  });

  it('raises the typed exceptions for a missing state machine and execution', async () => {
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: `${machineArn}-gone` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: `${machineArn.replace(':stateMachine:', ':execution:')}:nope` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('starts an execution (a logged mutation) and refuses to redrive one that succeeded', async () => {
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'manual-test', input: '{"run_date":"2026-11-26"}' }));
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described.status).toBe('RUNNING');
    expect(JSON.parse(described.input!)).toEqual({ run_date: '2026-11-26' });
    expect(sandbox.calls.mutations().map((c) => c.operation)).toEqual(['StartExecution']);
    const done = `${machineArn.replace(':stateMachine:', ':execution:')}:daily-${dated('{now-2h:YYYY-MM-DD}')}`;
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: done }))).rejects.toBeInstanceOf(ExecutionNotRedrivable);
  });

  it('describes the state machine an execution ran, and raises ExecutionDoesNotExist for an unknown execution', async () => {
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1 }));
    const described = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: executions![0]!.executionArn }));
    expect(described).toMatchObject({ stateMachineArn: machineArn, name: 'arai-ingestion', roleArn: 'arn:aws:iam::123456789012:role/arai-sfn-role', tracingConfiguration: { enabled: false } });
    expect(JSON.parse(described.definition!).StartAt).toBe('RawToProcessed');
    expect(described.updateDate).toBeInstanceOf(Date);
    const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }));
    expect(described.definition).toBe(machine.definition);
    await expect(sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: `${machineArn.replace(':stateMachine:', ':execution:')}:nope` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('answers an operation it does not implement with UnknownOperationException (400)', async () => {
    await expect(sfn.send(new StartSyncExecutionCommand({ stateMachineArn: machineArn }))).rejects.toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
  });
});
