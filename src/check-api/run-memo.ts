import { shareTraced } from '../clients/call-trace';

/** What a memoized value answers: the service, the operation and the arguments (`['sfn:GetExecutionHistory', arn]`). */
export type MemoKey = readonly (string | number | boolean | null | undefined)[];

/** Loads a value once per run for every check that asks the same thing; a check's own wait ends when its signal aborts. */
export type Memo = <T>(key: MemoKey, load: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** The memo of one run, shared by its checks. */
export interface RunMemo {
  /** The memo as a check sees it, bound to that check's signal. */
  forCheck(signal: AbortSignal): Memo;
  /** Forgets every value: an action changed the world, so later reads must see the change. */
  clear(): void;
  /** Aborts loads still running, when the run ends. */
  close(): void;
}

function untilAborted<T>(value: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    value.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * A per-run memo: the first check to ask for a key loads it, with the run's signal (so one check's timeout
 * does not break the load for the others); every check that asks again gets the same promise, failures
 * included, so all checks of a run judge the same data.
 */
export function createRunMemo(): RunMemo {
  const run = new AbortController();
  const entries = new Map<string, ReturnType<typeof shareTraced<unknown>>>();
  return {
    forCheck: (signal) =>
      async function memo<T>(key: MemoKey, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
        const id = JSON.stringify(key);
        let entry = entries.get(id);
        if (!entry) {
          entry = shareTraced(() => load(run.signal));
          entry.result.catch(() => undefined); // a rejection is read by whoever awaits it
          entries.set(id, entry);
        }
        const value = (await untilAborted(entry.result, signal)) as T;
        entry.join();
        return value;
      },
    clear: () => entries.clear(),
    close: () => run.abort(new Error('the run ended')),
  };
}
