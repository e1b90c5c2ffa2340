import { findJobRun, type GlueState } from '../glue/state';
import { jobRunShape } from '../glue/shapes';
import { sandboxCredentials } from '../credentials';
import { applyResultPath, resolveParameters } from './parameters';
import type { Execution, PendingEvent, StateMachine, StateVisit } from './state';

/** A history event as GetExecutionHistory returns it. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

const detailsKey: Record<string, string> = {
  ExecutionStarted: 'executionStartedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  ExecutionRedriven: 'executionRedrivenEventDetails',
  TaskScheduled: 'taskScheduledEventDetails',
  TaskStarted: 'taskStartedEventDetails',
  TaskSubmitted: 'taskSubmittedEventDetails',
  TaskSucceeded: 'taskSucceededEventDetails',
  TaskFailed: 'taskFailedEventDetails',
};

/** The details property of an event type (`TaskFailed` → `taskFailedEventDetails`, `TaskStateEntered` → `stateEnteredEventDetails`). */
export function detailsKeyOf(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return detailsKey[type] ?? `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

/** `arn:aws:states:::glue:startJobRun.sync` → resource type `glue`, resource `startJobRun.sync`. */
export function integration(resource: string): { resourceType: string; resource: string } {
  const match = /^arn:aws[\w-]*:states:[^:]*:[^:]*:([\w-]+):(.+)$/.exec(resource);
  if (match) return { resourceType: match[1]!, resource: match[2]! };
  const lambda = /^arn:aws[\w-]*:lambda:/.test(resource);
  return { resourceType: lambda ? 'lambda' : 'activity', resource };
}

const text = (value: unknown) => JSON.stringify(value ?? {});
const payload = (value: unknown) => ({ input: text(value), inputDetails: { truncated: false } });

function visitEvents(machine: StateMachine, visit: StateVisit, input: unknown, glue: GlueState | undefined): { events: PendingEvent[]; output: unknown } {
  const definition = (machine.definition.States as Record<string, Record<string, unknown>> | undefined)?.[visit.state] ?? {};
  const type = String(definition.Type ?? 'Task');
  let output = visit.output ?? input;
  const events: PendingEvent[] = [{ type: `${type}StateEntered`, details: { name: visit.state, ...payload(input) } }];
  if (type === 'Task') {
    const target = integration(String(definition.Resource ?? ''));
    const parameters = resolveParameters(definition.Parameters ?? {}, input);
    events.push({ type: 'TaskScheduled', details: { ...target, region: sandboxCredentials.region, parameters: JSON.stringify(parameters) } });
    events.push({ type: 'TaskStarted', details: { ...target } });
    const run = visit.glueJobRunId && glue ? findJobRun(glue, visit.glueJobRunId) : undefined;
    const jobRun = run ? jobRunShape(run, glue?.jobs.get(run.JobName)) : undefined;
    if (visit.glueJobRunId && target.resource.endsWith('.sync')) {
      events.push({ type: 'TaskSubmitted', details: { ...target, output: JSON.stringify({ JobRunId: visit.glueJobRunId }), outputDetails: { truncated: false } } });
    }
    if (visit.failed) {
      const cause = visit.failed.cause ?? jobRun ?? {};
      events.push({ type: 'TaskFailed', details: { ...target, error: visit.failed.error, cause: typeof cause === 'string' ? cause : JSON.stringify(cause) } });
      return { events, output };
    }
    const result = jobRun ?? {};
    output = visit.output ?? applyResultPath(input, definition.ResultPath, result);
    events.push({ type: 'TaskSucceeded', details: { ...target, output: JSON.stringify(result), outputDetails: { truncated: false } } });
  } else if (visit.failed) {
    events.push({ type: 'FailStateEntered', details: { name: visit.state, ...payload(input) } });
    return { events, output };
  }
  events.push({ type: `${type}StateExited`, details: { name: visit.state, output: text(output), outputDetails: { truncated: false } } });
  return { events, output };
}

/** The events the declaration of an execution implies, in order, before ids and times are assigned. */
function declaredEvents(machine: StateMachine, execution: Execution, glue: GlueState | undefined): PendingEvent[] {
  const { spec } = execution;
  const events: PendingEvent[] = [{ type: 'ExecutionStarted', details: { ...payload(spec.input), roleArn: machine.roleArn } }];
  let current: unknown = spec.input;
  let failure: { error: string; cause: string } | undefined;
  for (const visit of spec.path) {
    const part = visitEvents(machine, visit, current, glue);
    events.push(...part.events);
    current = part.output;
    if (visit.failed) {
      const last = part.events[part.events.length - 1]!.details;
      failure = { error: visit.failed.error, cause: String(last.cause ?? visit.failed.cause ?? '') };
      break;
    }
  }
  if (spec.status === 'SUCCEEDED') events.push({ type: 'ExecutionSucceeded', details: { output: text(current), outputDetails: { truncated: false } } });
  if (spec.status === 'FAILED') events.push({ type: 'ExecutionFailed', details: failure ?? { error: 'States.Runtime', cause: 'The execution failed.' } });
  if (spec.status === 'ABORTED') events.push({ type: 'ExecutionAborted', details: {} });
  if (spec.status === 'TIMED_OUT') events.push({ type: 'ExecutionTimedOut', details: { error: 'States.Timeout' } });
  return events;
}

/** The execution's full history: declared events spread over its run time, then what was appended since load. */
export function executionHistory(machine: StateMachine, execution: Execution, glue: GlueState | undefined, now: Date): HistoryEvent[] {
  const declared = declaredEvents(machine, execution, glue);
  const start = execution.startDate.getTime();
  const end = (execution.spec.stopDate ? new Date(execution.spec.stopDate) : now).getTime();
  const step = declared.length > 1 ? Math.max(0, end - start) / (declared.length - 1) : 0;
  const timed = [...declared.map((event, index) => ({ ...event, at: new Date(start + Math.round(step * index)) })), ...execution.appended];
  return timed.map((event, index) => ({
    id: index + 1,
    previousEventId: index,
    timestamp: event.at,
    type: event.type,
    [detailsKeyOf(event.type)]: event.details,
  }));
}

/** The execution's final output, error and cause, read from its history as DescribeExecution reports them. */
export function executionOutcome(history: readonly HistoryEvent[]): { output?: string; error?: string; cause?: string } {
  for (let index = history.length - 1; index >= 0; index--) {
    const event = history[index]!;
    if (event.type === 'ExecutionSucceeded') return { output: (event.executionSucceededEventDetails as { output: string }).output };
    if (event.type === 'ExecutionFailed') {
      const details = event.executionFailedEventDetails as { error?: string; cause?: string };
      return { ...(details.error ? { error: details.error } : {}), ...(details.cause ? { cause: details.cause } : {}) };
    }
  }
  return {};
}
