import type { JsonValue } from '../../model';
import { decodeJsonField, isJsonObject } from './json-field';

/** A retrier of a Task state. */
export interface Retrier {
  errorEquals: string[];
  maxAttempts: number;
}

/** A Map or Parallel state around a Task state, with its own Retry (which re-runs the whole Map or branch set). */
export interface EnclosingRetry {
  state: string;
  type: 'Map' | 'Parallel';
  retry: Retrier[];
}

/** A Task state of a definition, wherever it is nested (Parallel branches, Map iterators). */
export interface TaskState {
  name: string;
  /** Where it sits: `States.RawToProcessed`, `States.Fanout.Branches[0].States.Load`. */
  path: string;
  resource: string;
  parameters: { [key: string]: JsonValue };
  retry: Retrier[];
  hasCatch: boolean;
  /** The Map and Parallel states it runs inside, outermost first. */
  enclosing: EnclosingRetry[];
}

/** Raised when a definition is not an Amazon States Language document. */
export class DefinitionParseError extends Error {
  override name = 'DefinitionParseError';
  constructor(readonly detail: string) {
    super(`the state machine definition is not valid Amazon States Language: ${detail}`);
  }
}

function retriers(value: JsonValue | undefined): Retrier[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isJsonObject).map((r) => ({
    errorEquals: Array.isArray(r.ErrorEquals) ? r.ErrorEquals.filter((e): e is string => typeof e === 'string') : [],
    maxAttempts: typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3,
  }));
}

function collect(states: JsonValue | undefined, path: string, out: TaskState[], enclosing: EnclosingRetry[] = []): void {
  if (!isJsonObject(states)) return;
  for (const [name, state] of Object.entries(states)) {
    if (!isJsonObject(state)) continue;
    const here = `${path}.${name}`;
    if (state.Type === 'Task') {
      out.push({
        name,
        path: here,
        resource: typeof state.Resource === 'string' ? state.Resource : '',
        parameters: isJsonObject(state.Parameters) ? state.Parameters : isJsonObject(state.Arguments) ? state.Arguments : {},
        retry: retriers(state.Retry),
        hasCatch: Array.isArray(state.Catch) && state.Catch.length > 0,
        enclosing,
      });
    }
    if (state.Type !== 'Map' && state.Type !== 'Parallel') continue;
    const inside = [...enclosing, { state: name, type: state.Type, retry: retriers(state.Retry) } satisfies EnclosingRetry];
    if (Array.isArray(state.Branches)) state.Branches.forEach((branch, i) => isJsonObject(branch) && collect(branch.States, `${here}.Branches[${i}].States`, out, inside));
    for (const key of ['Iterator', 'ItemProcessor'] as const) {
      const inner = state[key];
      if (isJsonObject(inner)) collect(inner.States, `${here}.${key}.States`, out, inside);
    }
  }
}

/** The Task states of a definition (a JSON string, as DescribeStateMachine returns it, or an object). */
export function taskStates(definition: unknown): TaskState[] {
  const decoded = decodeJsonField(definition);
  if (!decoded || !isJsonObject(decoded.value)) throw new DefinitionParseError('expected a JSON object');
  if (!isJsonObject(decoded.value.States)) throw new DefinitionParseError('no "States" object');
  const out: TaskState[] = [];
  collect(decoded.value.States, 'States', out);
  return out;
}
