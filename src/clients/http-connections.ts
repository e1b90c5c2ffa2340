/** The fetch of Node's own HTTP stack, as the Airflow and GitHub clients call it. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** One run's HTTP connections (Airflow, GitHub): Node's fetch through a connection pool of the run's own, closed with it. */
export interface HttpConnections {
  /** Node's fetch, through the run's pool. */
  fetch: Fetch;
  /** Closes the run's connections, cutting any request still open. */
  close(): Promise<void>;
}

interface Dispatcher {
  destroy(): Promise<void>;
}

const globalDispatcherKey = Symbol.for('undici.globalDispatcher.1');

/**
 * A new pool of the same kind as fetch's global one. Node 20's global pool keeps a pool per origin for the life of the
 * process, so a process that runs many sandboxes (a soak, a drill, the tests), each on a port of its own, would keep
 * one per run; a pool of the run's own goes with the run. Node loads its fetch, and makes the global pool, on the first
 * call; undefined when there is no such pool to copy (fetch then uses the global one).
 */
async function ownDispatcher(): Promise<Dispatcher | undefined> {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (!holder[globalDispatcherKey]) await fetch('data:,').catch(() => undefined);
  const make = (holder[globalDispatcherKey] as { constructor?: new () => Dispatcher } | undefined)?.constructor;
  if (typeof make !== 'function' || typeof make.prototype?.destroy !== 'function') return undefined;
  return new make();
}

/** Opens a run's HTTP connections; the pool is made on the first request. */
export function openHttpConnections(): HttpConnections {
  let dispatcher: Promise<Dispatcher | undefined> | undefined;
  return {
    fetch: async (input, init) => {
      dispatcher ??= ownDispatcher();
      const own = await dispatcher;
      return fetch(input, own ? ({ ...init, dispatcher: own } as RequestInit) : init);
    },
    close: async () => {
      const own = await dispatcher;
      dispatcher = undefined;
      await own?.destroy().catch(() => undefined);
    },
  };
}
