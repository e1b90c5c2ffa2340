import type { JsonValue } from '../../model';
import { decodeJsonField } from './json-field';

/** The parts of a history event the analysis reads; both the SDK's events and LocalStack's snapshots fit. */
export interface EventLike {
  id?: number | unknown;
  previousEventId?: number | unknown;
  type?: string;
}

/** A state output as it exited. */
export type Exit = { state: string; value: JsonValue | null };

/** One entry into a state, as the walk tracks it while the state is open. */
export interface StateEntry {
  name: string;
  type: string;
  input: unknown;
  truncated: boolean;
  /** The last state output before this state was entered. */
  previousExit: Exit | null;
  /** Failures of this entry so far (a Retry adds one per attempt without re-entering). */
  failures: number;
  /** For a Map or Parallel state: how many times it started (a Retry on it starts it again). */
  starts: number;
  /** For a distributed Map: the ARN of its latest Map Run. */
  mapRunArn: string | null;
  /** Map and Parallel states open when this state was entered, outermost first. */
  enclosing: StateEntry[];
}

/** The details object of an event (`taskFailedEventDetails`, `stateEnteredEventDetails`, …), or an empty one. */
export function detailsOf(event: EventLike): Record<string, unknown> {
  const fields = event as Record<string, unknown>;
  const key = Object.keys(fields).find((k) => k.endsWith('EventDetails'));
  return key && fields[key] && typeof fields[key] === 'object' ? (fields[key] as Record<string, unknown>) : {};
}

const containerTypes = new Set(['Map', 'Parallel']);

/** True for Map and Parallel states, which run other states inside them. */
export function isContainer(entry: StateEntry): boolean {
  return containerTypes.has(entry.type);
}

/**
 * Tracks which states are open (entered, not exited) while a history is walked oldest first, and
 * attributes an event to the state it belongs to: by following `previousEventId` back to a
 * `…StateEntered` event where ids are numbers (real AWS), else to the latest open state.
 */
export class OpenStates {
  private open: StateEntry[] = [];
  private readonly byId = new Map<number, EventLike>();
  private lastExit: Exit | null = null;

  /** Records the event; returns the entry it opened, if it entered a state. */
  see(event: EventLike): StateEntry | null {
    if (typeof event.id === 'number') this.byId.set(event.id, event);
    const type = event.type ?? '';
    const details = detailsOf(event);
    if (type.endsWith('StateEntered')) return this.enter(type.replace(/StateEntered$/, ''), details);
    if (type.endsWith('StateExited')) {
      const name = String(details.name ?? '');
      const exited = this.latest((e) => e.name === name);
      // A Map or Parallel that exits ends the states still open inside it (a failed iteration's, a Fail state).
      if (exited) this.open = this.open.filter((e) => e !== exited && !e.enclosing.includes(exited));
      this.lastExit = { state: name, value: decodeJsonField(details.output)?.value ?? null };
    } else if (type === 'MapStateStarted' || type === 'ParallelStateStarted') {
      const container = this.latest((e) => e.type === type.replace(/StateStarted$/, ''));
      if (container) container.starts++;
    } else if (type === 'MapRunStarted') {
      const map = this.latest((e) => e.type === 'Map');
      if (map && typeof details.mapRunArn === 'string') map.mapRunArn = details.mapRunArn;
    }
    return null;
  }

  /** The open state an event belongs to (a named state for EvaluationFailed, a Map for Map Run events). */
  stateOf(event: EventLike): StateEntry | null {
    const details = detailsOf(event);
    if (typeof details.state === 'string') return this.latest((e) => e.name === details.state);
    if (event.type?.startsWith('MapRun')) return this.latest((e) => e.type === 'Map');
    const named = this.enteredBefore(event);
    return (named ? this.latest((e) => e.name === named) : null) ?? this.latest((e) => !isContainer(e));
  }

  /** The entry of a state by name, while it is open. */
  find(name: string): StateEntry | null {
    return this.latest((e) => e.name === name);
  }

  /** The last state output seen. */
  get previousExit(): Exit | null {
    return this.lastExit;
  }

  private enter(type: string, details: Record<string, unknown>): StateEntry {
    const name = String(details.name ?? '');
    // A state inside a Map is entered once per iteration: the previous iteration's entry is over.
    this.remove(name);
    const entry: StateEntry = {
      name,
      type,
      input: details.input,
      truncated: Boolean((details.inputDetails as { truncated?: boolean } | undefined)?.truncated),
      previousExit: this.lastExit,
      failures: 0,
      starts: 0,
      mapRunArn: null,
      enclosing: this.open.filter(isContainer),
    };
    this.open.push(entry);
    return entry;
  }

  private remove(name: string): void {
    const entry = this.latest((e) => e.name === name);
    if (entry) this.open.splice(this.open.lastIndexOf(entry), 1);
  }

  private latest(match: (entry: StateEntry) => boolean): StateEntry | null {
    for (let i = this.open.length - 1; i >= 0; i--) if (match(this.open[i]!)) return this.open[i]!;
    return null;
  }

  private enteredBefore(event: EventLike): string | null {
    let current: EventLike | undefined = event;
    for (let step = 0; step < 100 && current; step++) {
      const previous: EventLike | undefined = typeof current.previousEventId === 'number' ? this.byId.get(current.previousEventId) : undefined;
      if (!previous || previous === current) return null;
      if (previous.type?.endsWith('StateEntered')) return String(detailsOf(previous).name ?? '');
      current = previous;
    }
    return null;
  }
}
