/**
 * The fetch API's globals that axios reads when it loads; reading any but `fetch` loads Node's fetch (undici). Without
 * a global `FormData`, axios still tells a FormData body by its shape (its `append`, its `[object FormData]`).
 */
const probedGlobals = ['fetch', 'Request', 'Response', 'FormData'] as const;

/**
 * Loads the axios the driver will require (resolved from `fromDir`) without its probe of the fetch API: at load,
 * axios builds Request and Response objects to learn what the runtime's fetch supports, which loads undici into the
 * process (about 30 ms of a run). The driver sends through axios's `http` adapter, which axios picks before `fetch`
 * in Node; with the globals hidden while it loads, axios records that this runtime has no fetch for it. The globals
 * are put back as they were, unread, so the project's own fetch (Airflow, GitHub) is untouched. Does nothing when
 * axios is loaded already or cannot be found.
 */
export function loadAxiosWithoutFetchProbe(fromDir: string): void {
  let entry: string;
  try {
    entry = require.resolve('axios', { paths: [fromDir] });
  } catch {
    return;
  }
  if (require.cache[entry]) return;
  const saved = probedGlobals.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, descriptor] of saved) if (descriptor?.configurable) Object.defineProperty(globalThis, name, { value: undefined, configurable: true, writable: true });
  try {
    require(entry);
  } finally {
    for (const [name, descriptor] of saved) if (descriptor?.configurable) Object.defineProperty(globalThis, name, descriptor);
  }
}
