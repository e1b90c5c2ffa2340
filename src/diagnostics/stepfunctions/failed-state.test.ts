import { describe, expect, it } from 'vitest';
import { findFailedState, type EventLike } from './failed-state';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from './real-artifacts.test-support';

type Snapshot = Record<string, { 'recorded-content': Record<string, { events?: EventLike[] }> }>;

const historyOf = (file: string, key: string): EventLike[] => Object.values(readRealJson<Snapshot>(`stepfunctions/${file}`))[0]!['recorded-content'][key]!.events!;

/** Real AWS sends input, output and cause as JSON-encoded strings: the LocalStack snapshots hold them parsed. */
function asRealAwsSendsIt(events: readonly EventLike[]): EventLike[] {
  const encode = (value: unknown): unknown => (typeof value === 'string' ? value : JSON.stringify(value));
  return events.map((event) =>
    Object.fromEntries(
      Object.entries(event).map(([key, value]) => {
        if (!key.endsWith('EventDetails') || !value || typeof value !== 'object') return [key, value];
        const details = { ...(value as Record<string, unknown>) };
        for (const field of ['input', 'output', 'cause']) if (field in details) details[field] = encode(details[field]);
        return [key, details];
      }),
    ),
  );
}

describe.skipIf(!hasRealArtifacts)(`the failed state of real Step Functions histories (${hasRealArtifacts ? 'LocalStack snapshots' : realArtifactsSkipMessage})`, () => {
  it('finds the failed Task, its error and its object cause in the ECS runTask.sync history, parsed or string-encoded alike', () => {
    const parsed = historyOf('localstack_snapshot_ecs_runTask.sync_TaskFailed_history.json', 'get_execution_history');
    for (const events of [parsed, asRealAwsSendsIt(parsed)]) {
      const failed = findFailedState(events)!;
      expect(failed.eventType).toBe('TaskFailed');
      expect(failed.stateType).toBe('Task');
      expect(failed.error).toBe('States.TaskFailed');
      expect(failed.cause).toMatchObject({ LastStatus: 'STOPPED' });
      expect(failed.glueRun).toBeNull();
    }
    expect(findFailedState(parsed)!.causeForm).toBe('parsed');
    expect(findFailedState(asRealAwsSendsIt(parsed))!.causeForm).toBe('string');
  });

  it('keeps the caught task failure, not the Fail state it led to, and reads the text cause as text', () => {
    const events = historyOf('localstack_snapshot_describe_execution_failed_and_history.json', 'failure__execution_history');
    const failed = findFailedState(asRealAwsSendsIt(events))!;
    expect(failed).toMatchObject({ state: 'Start Task And Wait For Callback', error: 'IntentionalFail', cause: 'Intentional failure', eventType: 'TaskFailed' });
    expect(failed.input).toEqual({ shouldfail: 'yes' });
  });

  it('reports a Fail state with its own error and cause when no task failed', () => {
    const events = historyOf('localstack_snapshot_describe_execution_FAILED_error_cause.json', 'get_execution_history');
    expect(findFailedState(events)).toMatchObject({ state: 'FailState', stateType: 'Fail', eventType: 'ExecutionFailed', error: 'SomeFailure' });
  });

  it('finds nothing in a history that succeeded', () => {
    expect(findFailedState(historyOf('localstack_snapshot_describe_execution_failed_and_history.json', 'success__execution_history'))).toBeNull();
  });
});

describe('the failed state of a history', () => {
  const entered = (id: number, name: string, input: unknown) => ({ id, type: 'TaskStateEntered', stateEnteredEventDetails: { name, input: JSON.stringify(input) } });
  const exited = (id: number, name: string, output: unknown) => ({ id, type: 'TaskStateExited', stateExitedEventDetails: { name, output: JSON.stringify(output) } });
  const taskFailed = (id: number, error: string, cause: string) => ({ id, type: 'TaskFailed', taskFailedEventDetails: { error, cause } });

  it('gives the last successful output before the failed state, and counts retries of the failed state', () => {
    const events = [
      { id: 1, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"a":1}' } },
      entered(2, 'First', { a: 1 }),
      exited(3, 'First', { a: 1, first: 'done' }),
      entered(4, 'Second', { a: 1, first: 'done' }),
      taskFailed(5, 'Glue.AWSGlueException', 'throttled'),
      taskFailed(6, 'States.TaskFailed', '{"JobRun":{"Id":"jr_1","JobName":"j","JobRunState":"FAILED","ErrorMessage":"boom"}}'),
      { id: 7, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.TaskFailed' } },
    ];
    const failed = findFailedState(events)!;
    expect(failed).toMatchObject({ state: 'Second', attempts: 2, error: 'States.TaskFailed', lastOutput: { state: 'First', value: { a: 1, first: 'done' } } });
    expect(failed.glueRun).toEqual({ id: 'jr_1', jobName: 'j', state: 'FAILED', errorMessage: 'boom' });
  });

  it('forgets a failure that a retry of the same state recovered from', () => {
    const events = [entered(1, 'Only', {}), taskFailed(2, 'States.Timeout', 'slow'), { id: 3, type: 'TaskSucceeded', taskSucceededEventDetails: {} }, exited(4, 'Only', {})];
    expect(findFailedState(events)).toBeNull();
  });
});
