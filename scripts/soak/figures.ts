import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getHeapSpaceStatistics } from 'node:v8';

/** What a long run in one process must not accumulate: open resources, temporary folders, heap. */
export interface ProcessFigures {
  /** Open handles and requests by type (`TCPSocketWrap`, `Timeout`…), as Node reports them. */
  resources: Record<string, number>;
  /** Entries of the process's temporary folder (the soak gives itself one: TMPDIR). */
  tempEntries: number;
  /** Heap in use after a full garbage collection (when node runs with --expose-gc), in MB. */
  heapMb: number;
  /** Of that, compiled code (V8's code spaces), in MB: it grows while more functions get hot, and then stops. */
  codeMb: number;
}

/** Takes the process's figures once closing sockets and servers have settled (`settleMs`), collecting garbage first when it can. */
export async function settledFigures(settleMs = 500): Promise<ProcessFigures> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return processFigures();
}

/** Takes the process's figures now, collecting garbage first when it can. */
export function processFigures(): ProcessFigures {
  (globalThis as { gc?: () => void }).gc?.();
  const resources: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
  return {
    resources,
    tempEntries: readdirSync(tmpdir()).length,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    codeMb: getHeapSpaceStatistics()
      .filter((space) => space.space_name.startsWith('code'))
      .reduce((sum, space) => sum + space.space_used_size / 2 ** 20, 0),
  };
}

/** The resource types of which `after` holds more than `before`, with both counts. */
export function grownResources(before: ProcessFigures, after: ProcessFigures): string[] {
  return Object.entries(after.resources)
    .filter(([type, count]) => count > (before.resources[type] ?? 0))
    .map(([type, count]) => `${type} ${before.resources[type] ?? 0} → ${count}`);
}
