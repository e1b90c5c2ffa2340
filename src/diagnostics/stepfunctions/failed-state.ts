import type { JsonValue } from '../../model';
import { glueRunFromCause, type GlueRunInCause } from './glue-cause';
import { detailsOf, OpenStates, type EventLike, type Exit, type StateEntry } from './history-walk';
import { decodeJsonField } from './json-field';

/** A Map or Parallel state the failed state ran inside, and how many times it was started (its own Retry). */
export interface EnclosingState {
  state: string;
  type: string;
  attempts: number;
}

/** Where and how an execution failed, read from its history. */
export interface FailedState {
  /** The state that failed (the innermost, inside Map and Parallel states), or null when none was entered. */
  state: string | null;
  stateType: string | null;
  /** The event that carries the failure (`TaskFailed`, `EvaluationFailed`, `MapRunFailed`, `ExecutionFailed`, …). */
  eventType: string;
  eventId: number | null;
  error: string | null;
  cause: JsonValue | null;
  /** How the cause arrived: JSON-encoded string, already parsed, or plain text. */
  causeForm: 'string' | 'parsed' | 'text' | null;
  /** The Glue job run a failed Glue task carried in its cause. */
  glueRun: GlueRunInCause | null;
  /** The failed state's input as it entered (decoded), and whether Step Functions truncated it. */
  input: JsonValue | null;
  inputTruncated: boolean;
  /** The output of the last state that exited before the failure, and its name. */
  lastOutput: Exit | null;
  /** How many times the failed state itself failed in a row (1 plus its own retries). */
  attempts: number;
  /** The Map and Parallel states around the failed state, outermost first. */
  enclosing: EnclosingState[];
  /** A distributed Map's failure: its Map Run, whose child executions hold the task's own error (see followMapRun). */
  mapRun: { arn: string; childExecutionArn: string | null; note: string | null } | null;
}

/** Failure events of a task-like state or an expression: they carry the original error and cause. */
const leafFailure = /^((Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed)|EvaluationFailed|MapRun(Failed|Aborted))$/;
const leafSuccess = /^(Task|LambdaFunction|Activity)Succeeded$/;
const executionEnd = /^Execution(Failed|TimedOut|Aborted)$/;

type Candidate = { event: EventLike; details: Record<string, unknown>; entry: StateEntry | null; attempts: number };

function describe(found: Candidate, terminal: Candidate | null, fallbackExit: Exit | null): FailedState {
  // A Fail state's error and cause are on the event that ends the execution (or the Map/Parallel around it).
  const carrier = found.details.error === undefined && found.details.cause === undefined && terminal ? terminal : found;
  const details = carrier.details;
  const cause = decodeJsonField(details.cause);
  const input = decodeJsonField(found.entry?.input);
  const entry = found.entry;
  return {
    state: entry?.name ?? null,
    stateType: entry?.type ?? null,
    eventType: carrier.event.type ?? '',
    eventId: typeof carrier.event.id === 'number' ? carrier.event.id : null,
    error: typeof details.error === 'string' ? details.error : null,
    cause: cause?.value ?? null,
    causeForm: cause?.form ?? null,
    glueRun: glueRunFromCause(details.cause),
    input: input?.value ?? null,
    inputTruncated: entry?.truncated ?? false,
    lastOutput: entry ? entry.previousExit : fallbackExit,
    attempts: Math.max(1, found.attempts),
    enclosing: (entry?.enclosing ?? []).map((e) => ({ state: e.name, type: e.type, attempts: Math.max(1, e.starts) })),
    mapRun: entry?.type === 'Map' && entry.mapRunArn ? { arn: entry.mapRunArn, childExecutionArn: null, note: null } : null,
  };
}

/**
 * Finds the failed state of an execution in its history (oldest first); null when nothing failed. The
 * answer is the original failure: a task inside a Map or Parallel keeps its own error, cause and Glue
 * run (the Map and Parallel failures that carry it upward are not the answer), a failure caught and
 * recovered from is forgotten, and a Fail state reached through a Catch reports the failure it caught.
 */
export function findFailedState(events: readonly EventLike[]): FailedState | null {
  const open = new OpenStates();
  let candidate: Candidate | null = null;
  let caught: Candidate | null = null;
  let terminal: Candidate | null = null;
  for (const event of events) {
    const type = event.type ?? '';
    const owner = type.endsWith('StateExited') ? open.find(String(detailsOf(event).name ?? '')) : null;
    const entered = open.see(event);
    if (owner && candidate && (candidate.entry === owner || candidate.entry?.enclosing.includes(owner))) {
      caught = candidate; // the state (or a Map/Parallel around it) exited: a Catch handled the failure
      candidate = null;
    } else if (entered?.type === 'Fail') {
      candidate = caught ?? { event, details: {}, entry: entered, attempts: 1 };
    } else if (leafFailure.test(type)) {
      const entry = open.stateOf(event);
      if (entry) entry.failures++;
      candidate = { event, details: detailsOf(event), entry, attempts: entry?.failures ?? 1 };
    } else if (leafSuccess.test(type) && candidate && candidate.entry === open.stateOf(event)) {
      candidate = null; // a retry of the same state succeeded
    } else if (executionEnd.test(type)) {
      terminal = { event, details: detailsOf(event), entry: open.stateOf(event) ?? null, attempts: 1 };
    }
  }
  const found = candidate ?? terminal;
  if (!found) return null;
  return describe(found, terminal, open.previousExit);
}
