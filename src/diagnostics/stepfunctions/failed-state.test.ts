import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFailedState } from './failed-state';
import type { EventLike } from './history-walk';
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

const fixture = (file: string): EventLike[] => (JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'stepfunctions', file), 'utf8')) as { events: EventLike[] }).events;
const sharedHistory = (file: string): EventLike[] => readRealJson<{ events: EventLike[] }>(`stepfunctions/${file}`).events;

describe('a failure inside a Map: the LocalStack history of map_catch_error_output_with_retry (test/fixtures/real)', () => {
  it.each([
    ['as LocalStack recorded it', (e: EventLike[]) => e],
    ['as real AWS sends it', asRealAwsSendsIt],
  ])('keeps the original failure, not the Map failures that carry it, %s', (_form, shape) => {
    const failed = findFailedState(shape(fixture('ls_error_output__map_catch_error_output_with_retry.history.json')))!;
    // The task failed twice (one Retry) and was caught; the Fallback state then failed on its own expression.
    expect(failed).toMatchObject({ state: 'Fallback', stateType: 'Pass', eventType: 'EvaluationFailed', error: 'States.QueryEvaluationError', attempts: 1 });
    expect(failed.cause).toEqual(expect.stringContaining("The JSONata expression '$stateError'"));
    expect(failed.enclosing).toEqual([{ state: 'ProcessItems', type: 'Map', attempts: 1 }]);
  });

  it('counts the attempts of the failing task only, when the catch is taken away', () => {
    const events = fixture('ls_error_output__map_catch_error_output_with_retry.history.json').filter((e) => (e.id as number) <= 11);
    const failed = findFailedState([...events, { id: 12, previousEventId: 11, type: 'MapStateFailed' }, { id: 13, previousEventId: 12, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'Exception' } } as EventLike])!;
    expect(failed).toMatchObject({ state: 'ProcessItem', eventType: 'TaskFailed', error: 'Exception', attempts: 2, cause: expect.objectContaining({ requestId: '<uuid:2>' }) });
  });
});

describe.skipIf(!hasRealArtifacts)(`Map and Parallel failures in real LocalStack histories (${hasRealArtifacts ? '../shared/real/stepfunctions' : realArtifactsSkipMessage})`, () => {
  it('a Fail state inside a Map that its own Retry ran three times: the Fail state, its error, the Map attempts', () => {
    for (const events of [sharedHistory('ls_scen__test_map_state_retry.history.json'), asRealAwsSendsIt(sharedHistory('ls_scen__test_map_state_retry.history.json'))]) {
      expect(findFailedState(events)).toMatchObject({ state: 'HandleItemFail', stateType: 'Fail', error: 'HandleItemFailError', cause: 'HandleItemFailCause', attempts: 1, enclosing: [{ state: 'MapState', type: 'Map', attempts: 3 }] });
    }
  });

  it('a Fail state in a Parallel branch: the branch state and the error the execution ended with', () => {
    expect(findFailedState(sharedHistory('ls_scen__test_parallel_state_fail.history.json'))).toMatchObject({ state: 'Branch1', stateType: 'Fail', eventType: 'ExecutionFailed', error: 'FailureType', enclosing: [{ state: 'ParallelState', type: 'Parallel', attempts: 1 }] });
  });

  it('a Map whose Catch handled the failure: nothing failed', () => {
    expect(findFailedState(sharedHistory('ls_scen__test_map_state_catch.history.json'))).toBeNull();
  });
});

describe('a Glue task failing inside Map and Parallel states', () => {
  const jobRun = { Id: 'jr_0123', JobName: 'arai-raw-to-processed', JobRunState: 'FAILED', ErrorMessage: 'java.lang.OutOfMemoryError: Java heap space' };
  const events = (cause: unknown): EventLike[] =>
    [
      { type: 'ExecutionStarted', executionStartedEventDetails: { input: '{}' } },
      { type: 'ParallelStateEntered', stateEnteredEventDetails: { name: 'Fan', input: '{}' } },
      { type: 'ParallelStateStarted' },
      { type: 'MapStateEntered', stateEnteredEventDetails: { name: 'EachPartition', input: '{"p":[1,2]}' } },
      { type: 'MapStateStarted', mapStateStartedEventDetails: { length: 2 } },
      { type: 'MapIterationStarted', mapIterationStartedEventDetails: { index: 0, name: 'EachPartition' } },
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'Transform', input: '{"p":1}' } },
      { type: 'TaskScheduled', taskScheduledEventDetails: { resource: 'startJobRun.sync', resourceType: 'glue' } },
      { type: 'TaskFailed', taskFailedEventDetails: { error: 'States.TaskFailed', cause } },
      { type: 'TaskScheduled', taskScheduledEventDetails: { resource: 'startJobRun.sync', resourceType: 'glue' } },
      { type: 'TaskFailed', taskFailedEventDetails: { error: 'States.TaskFailed', cause } },
      { type: 'MapIterationFailed', mapIterationFailedEventDetails: { index: 0, name: 'EachPartition' } },
      { type: 'MapStateFailed' },
      { type: 'ParallelStateFailed' },
      { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.TaskFailed', cause: 'a Map iteration failed' } },
    ].map((event, index) => ({ id: index + 1, previousEventId: index, ...event }));

  it('keeps the task error, the JobRun of its cause and its own attempts, string-encoded or parsed', () => {
    for (const cause of [JSON.stringify(jobRun), jobRun]) {
      const failed = findFailedState(events(cause))!;
      expect(failed).toMatchObject({ state: 'Transform', stateType: 'Task', error: 'States.TaskFailed', attempts: 2, input: { p: 1 } });
      expect(failed.glueRun).toEqual({ id: 'jr_0123', jobName: 'arai-raw-to-processed', state: 'FAILED', errorMessage: 'java.lang.OutOfMemoryError: Java heap space' });
      expect(failed.enclosing.map((e) => e.state)).toEqual(['Fan', 'EachPartition']);
    }
  });
});
