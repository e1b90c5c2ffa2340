import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the CLI keeps what it made from the project's files: beside the compile cache, removed with node_modules. */
export const cliCacheDir = path.resolve(__dirname, '..', '..', 'node_modules', '.cache');

/** The cache file, in a folder of the CLI's cache, of one thing (a project root, a configuration module), named by its hash. */
export function cacheFileFor(folder: string, identity: string): string {
  return path.join(cliCacheDir, folder, `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}.json`);
}

/** The value a cache file holds for `key`; undefined when it holds none (missing, cut short, stored for another key). */
export function readKeyedCache(file: string, key: string): unknown {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null || (stored as { key?: unknown }).key !== key) return undefined;
  return (stored as { value?: unknown }).value;
}

/**
 * Stores a value under its key: written to a temporary file and renamed over the old one, so a concurrent run reads a
 * whole file or the previous one. The cache only saves time: a write that fails is left, the run goes on.
 */
export function writeKeyedCache(file: string, key: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ key, value }));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
