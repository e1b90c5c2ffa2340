import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureFolder } from './ensure-folder';

/** How long a lock is waited for, and when one left by a process that died is taken over. */
export interface FileLockOptions {
  /** Give up after this many ms (default 10 s). */
  timeoutMs?: number;
  /** A lock file older than this many ms was left by a process that died: it is removed (default 30 s). */
  staleMs?: number;
}

/** Raised when a lock is still held by another process after the wait. */
export class FileLockTimeoutError extends Error {
  override name = 'FileLockTimeoutError';
  constructor(readonly lockFile: string, readonly waitedMs: number) {
    super(`${lockFile} is held by another process: waited ${waitedMs / 1000} s for it (remove it if no runbook process is running)`);
  }
}

/** Within one process, the holders of each lock in turn: a second caller waits here rather than polling the file. */
const queues = new Map<string, Promise<unknown>>();

async function acquire(lockFile: string, { timeoutMs = 10_000, staleMs = 30_000 }: FileLockOptions): Promise<void> {
  await ensureFolder(path.dirname(lockFile));
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = await stat(lockFile).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > staleMs) await rm(lockFile, { force: true });
    else if (Date.now() - started > timeoutMs) throw new FileLockTimeoutError(lockFile, Date.now() - started);
    else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/**
 * Runs `work` holding an exclusive lock: the file `lockFile`, created with O_EXCL so that one process at a time
 * holds it (and one caller at a time within a process), removed when `work` settles.
 */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const target = path.resolve(lockFile);
  const before = queues.get(target) ?? Promise.resolve();
  const mine = before.then(async () => {
    await acquire(target, options);
    try {
      return await work();
    } finally {
      await rm(target, { force: true });
    }
  });
  const settled = mine.catch(() => undefined);
  queues.set(target, settled);
  void settled.then(() => queues.get(target) === settled && queues.delete(target));
  return mine;
}
