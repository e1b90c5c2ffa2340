import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<number>();

/** Runs `work` with a time budget: retries made inside never wait past `endsAt` (epoch ms), the check's timeout or the run's deadline. */
export function withCallBudget<T>(endsAt: number, work: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer === undefined ? endsAt : Math.min(outer, endsAt), work);
}

/** Milliseconds left of the current budget; Infinity outside any. */
export function budgetLeftMs(now = Date.now()): number {
  const endsAt = storage.getStore();
  return endsAt === undefined ? Infinity : endsAt - now;
}
