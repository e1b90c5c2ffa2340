import { GetExecutionHistoryCommand, ListExecutionsCommand, ValidationException, type SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { EventLike } from './history-walk';
import { failedStateOf } from './follow-map-run';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from './real-artifacts.test-support';

const mapRunArn = 'arn:aws:states:eu-west-1:123456789012:mapRun:arai-ingestion/EachFile:5d1c';
const childArn = 'arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion/EachFile:child-1';

/** A parent history of a distributed Map, with the Map Run events AWS documents (mapRunStartedEventDetails, mapRunFailedEventDetails). */
const parent: EventLike[] = [
  { type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"files":[]}' } },
  { type: 'MapStateEntered', stateEnteredEventDetails: { name: 'EachFile', input: '{"files":[]}' } },
  { type: 'MapStateStarted', mapStateStartedEventDetails: { length: 0 } },
  { type: 'MapRunStarted', mapRunStartedEventDetails: { mapRunArn } },
  { type: 'MapRunFailed', mapRunFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' } },
  { type: 'MapStateFailed' },
  { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' } },
].map((event, index) => ({ id: index + 1, previousEventId: index, ...event }));

/** An SFN client answering ListExecutions and GetExecutionHistory from the given data; records what it was asked. */
function client(answer: { children?: string[]; refuse?: boolean; history?: EventLike[] }) {
  const asked: unknown[] = [];
  const send = async (command: unknown) => {
    if (command instanceof ListExecutionsCommand) {
      asked.push(command.input);
      if (answer.refuse) throw new ValidationException({ message: 'Must provide a StateMachine ARN or MapRun ARN', $metadata: {} });
      return { executions: (answer.children ?? []).map((executionArn) => ({ executionArn })) };
    }
    if (command instanceof GetExecutionHistoryCommand) return { events: answer.history ?? [] };
    throw new Error('unexpected command');
  };
  return { sfn: { send } as unknown as SFNClient, asked };
}

describe('a distributed Map failure', () => {
  it('without following is the Map Run failure, with the Map Run ARN to follow', async () => {
    const { sfn } = client({ refuse: true });
    const failed = await failedStateOf(sfn, parent);
    expect(failed).toMatchObject({ state: 'EachFile', stateType: 'Map', eventType: 'MapRunFailed', error: 'States.ExceedToleratedFailureThreshold' });
    expect(failed!.mapRun).toEqual({ arn: mapRunArn, childExecutionArn: null, note: expect.stringContaining('could not be listed (ValidationException') });
  });

  it('with no failed child keeps the Map Run failure and says so', async () => {
    const { sfn, asked } = client({ children: [] });
    expect((await failedStateOf(sfn, parent))!.mapRun!.note).toBe('no failed child execution is listed for the Map Run');
    expect(asked).toEqual([{ mapRunArn, statusFilter: 'FAILED', maxResults: 1 }]);
  });
});

describe.skipIf(!hasRealArtifacts)(`a distributed Map whose child failed in a task (${hasRealArtifacts ? 'child history: the LocalStack ECS runTask.sync failure' : realArtifactsSkipMessage})`, () => {
  it("answers with the child's failed task, its error and cause, inside the Map", async () => {
    const snapshot = readRealJson<Record<string, { 'recorded-content': { get_execution_history: { events: EventLike[] } } }>>('stepfunctions/localstack_snapshot_ecs_runTask.sync_TaskFailed_history.json');
    const history = Object.values(snapshot)[0]!['recorded-content'].get_execution_history.events;
    const { sfn } = client({ children: [childArn], history });
    const failed = (await failedStateOf(sfn, parent))!;
    expect(failed).toMatchObject({ stateType: 'Task', eventType: 'TaskFailed', error: 'States.TaskFailed', cause: expect.objectContaining({ LastStatus: 'STOPPED' }) });
    expect(failed.enclosing).toEqual([{ state: 'EachFile', type: 'Map', attempts: 1 }]);
    expect(failed.mapRun).toEqual({ arn: mapRunArn, childExecutionArn: childArn, note: null });
  });
});
