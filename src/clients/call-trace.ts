import { AsyncLocalStorage } from 'node:async_hooks';

/** A call as the sandbox's call log records it: its id, the step whose check made it, and the calls it waited for. */
export interface CallTrace {
  id: string;
  step: string;
  after: string[];
}

/** The HTTP header that carries a call's trace; the Snowflake driver, which takes no headers, carries it as a tag. */
export const traceHeader = 'x-runbook-trace';

/** A trace as text: `rt_12_3.3.1_4-7`, within what the Snowflake driver accepts as an application name or query tag. */
export function encodeTrace(trace: CallTrace): string {
  return `rt_${trace.id}_${trace.step}_${trace.after.join('-')}`;
}

/** The trace in a header or tag, or undefined when it holds none. */
export function decodeTrace(text: string | undefined): CallTrace | undefined {
  const match = /^rt_(\d+)_([\w.]+)_([\d-]*)$/.exec(text ?? '');
  return match ? { id: match[1]!, step: match[2]!, after: match[3] ? match[3].split('-') : [] } : undefined;
}

/** One traced chain of calls: the step, and the calls its next call will have waited for. */
interface TraceContext {
  step: string;
  frontier: Set<string>;
}

const storage = new AsyncLocalStorage<TraceContext>();
let lastId = 0;

/** Runs `work` as step `step`: the calls made inside carry traces, so the sandbox can tell which calls depend on which. */
export function runTraced<T>(step: string, work: () => T): T {
  return storage.run({ step, frontier: new Set() }, work);
}

/** A call being made in a traced context: its trace, and `done` to record once its answer has arrived. */
export interface TracedCall {
  trace: CallTrace;
  done(): void;
}

const oneCall = new AsyncLocalStorage<TracedCall>();

/** Starts a traced call, or null outside a traced run (real environments are never traced); inside `asOneCall`, that call. */
export function beginCall(): TracedCall | null {
  const scoped = oneCall.getStore();
  if (scoped) return { trace: scoped.trace, done: () => undefined };
  const context = storage.getStore();
  if (!context) return null;
  const trace = { id: String(++lastId), step: context.step, after: [...context.frontier] };
  return {
    trace,
    done: () => {
      for (const id of trace.after) context.frontier.delete(id);
      context.frontier.add(trace.id);
    },
  };
}

/** Runs `work` as one traced call however many requests it sends (a read and its retries): they all carry its trace. */
export async function asOneCall<T>(work: () => Promise<T>): Promise<T> {
  if (oneCall.getStore()) return work();
  const call = beginCall();
  if (!call) return work();
  try {
    return await oneCall.run(call, work);
  } finally {
    call.done();
  }
}

/**
 * Runs work shared by several checks (the run memo's loads) as a chain of its own that starts where the
 * current one stands; `join` then makes a waiter's next call depend on the shared work's last calls.
 */
export function shareTraced<T>(work: () => Promise<T>): { result: Promise<T>; join(): void } {
  const current = storage.getStore();
  if (!current) return { result: work(), join: () => undefined };
  const shared: TraceContext = { step: current.step, frontier: new Set(current.frontier) };
  const result = storage.run(shared, work);
  return {
    result,
    join: () => {
      const waiter = storage.getStore();
      if (waiter) for (const id of shared.frontier) waiter.frontier.add(id);
    },
  };
}
