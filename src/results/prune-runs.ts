import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runIdOf, runsDir } from './store-layout';

/**
 * Keeps the newest `keepRuns` runs of the store and removes the older ones (by id, which orders by start
 * time). Files that are not named as runs are left alone. Returns the ids removed.
 */
export async function pruneRuns(root: string, keepRuns: number): Promise<string[]> {
  const dir = path.join(root, runsDir);
  const ids = (await readdir(dir).catch(() => [] as string[])).map(runIdOf).filter((id): id is string => id !== null).sort();
  const old = ids.slice(0, Math.max(0, ids.length - keepRuns));
  // Two runs pruning at once may remove the same file: `force` makes that harmless.
  await Promise.all(old.map((id) => rm(path.join(dir, `${id}.json`), { force: true })));
  return old;
}
