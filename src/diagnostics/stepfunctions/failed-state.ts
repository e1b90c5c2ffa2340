import type { JsonValue } from '../../model';
import { glueRunFromCause, type GlueRunInCause } from './glue-cause';
import { decodeJsonField } from './json-field';

/** The parts of a history event the analysis reads; both the SDK's events and LocalStack's snapshots fit. */
export interface EventLike {
  id?: number;
  type?: string;
}

/** Where and how an execution failed, read from its history. */
export interface FailedState {
  /** The state that failed (the last state entered before the failure), or null when none was entered. */
  state: string | null;
  stateType: string | null;
  /** The event that carries the failure (`TaskFailed`, `TaskTimedOut`, `ExecutionFailed`, …). */
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
  lastOutput: { state: string; value: JsonValue | null } | null;
  /** How many times the failed state failed in a row (1 plus its retries). */
  attempts: number;
}

type Exit = { state: string; value: JsonValue | null };
type Entered = { name: string; type: string; input: unknown; truncated: boolean; previousExit: Exit | null };
const failureEvent = /(Failed|TimedOut|Aborted)$/;

function detailsOf(event: EventLike): Record<string, unknown> {
  const fields = event as Record<string, unknown>;
  const key = Object.keys(fields).find((k) => k.endsWith('EventDetails'));
  return key && fields[key] && typeof fields[key] === 'object' ? (fields[key] as Record<string, unknown>) : {};
}

/** Finds the failed state of an execution in its history (oldest first); null when nothing failed. */
export function findFailedState(events: readonly EventLike[]): FailedState | null {
  let entered: Entered | null = null;
  let lastExit: Exit | null = null;
  let failure: { event: EventLike; details: Record<string, unknown>; state: Entered | null } | null = null;
  let attempts = 0;
  for (const event of events) {
    const type = event.type ?? '';
    const details = detailsOf(event);
    if (type.endsWith('StateEntered')) {
      const inputDetails = details.inputDetails as { truncated?: boolean } | undefined;
      entered = { name: String(details.name ?? ''), type: type.replace(/StateEntered$/, ''), input: details.input, truncated: Boolean(inputDetails?.truncated), previousExit: lastExit };
    } else if (type.endsWith('StateExited')) {
      lastExit = { state: String(details.name ?? ''), value: decodeJsonField(details.output)?.value ?? null };
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
      // A task failure that led here is the better answer; otherwise the execution's own (a Fail state, a runtime error).
      failure ??= { event, details, state: entered };
    } else if (failureEvent.test(type)) {
      attempts = failure?.state === entered ? attempts + 1 : 1;
      failure = { event, details, state: entered };
    } else if (/Succeeded$/.test(type) && failure && failure.state === entered) {
      failure = null; // a retry of the same state succeeded
      attempts = 0;
    }
  }
  if (!failure) return null;
  const cause = decodeJsonField(failure.details.cause);
  const state: Entered | null = failure.state;
  const input = decodeJsonField(state?.input);
  return {
    state: state?.name ?? null,
    stateType: state?.type ?? null,
    eventType: failure.event.type ?? '',
    eventId: typeof failure.event.id === 'number' ? failure.event.id : null,
    error: typeof failure.details.error === 'string' ? failure.details.error : null,
    cause: cause?.value ?? null,
    causeForm: cause?.form ?? null,
    glueRun: glueRunFromCause(failure.details.cause),
    input: input?.value ?? null,
    inputTruncated: state?.truncated ?? false,
    lastOutput: state ? state.previousExit : lastExit,
    attempts: Math.max(1, attempts),
  };
}
