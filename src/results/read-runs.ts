import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportVersion } from '../model';
import { runSchema } from './run-schema';
import { runsDir } from './store-layout';
import type { StoreProblem } from './store-problem';
import { storedRunVersion, type StoredRun } from './stored-run';

/** What the store holds: the runs that read, oldest first, and the files that were skipped, with why. */
export interface RunStore {
  runs: StoredRun[];
  problems: StoreProblem[];
}

/** Orders runs by start time, then id: the order history, queries and the site use. */
export function compareRuns(a: StoredRun, b: StoredRun): number {
  return a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id);
}

function versionProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { version, report } = data as { version?: unknown; report?: { version?: unknown } };
  if (typeof version === 'number' && version !== storedRunVersion) return `entry version ${version}, this reader knows version ${storedRunVersion}`;
  if (typeof report?.version === 'number' && report.version !== reportVersion) return `result document version ${report.version}, this reader knows version ${reportVersion}`;
  return null;
}

/** One store file read: its run, or the problem that makes the reader skip it. */
export type RunFileRead = { run: StoredRun } | { problem: StoreProblem };

/** Reads and validates one file of the store folder (`fileName` within it). */
export function readRunFile(root: string, fileName: string): RunFileRead {
  const file = path.posix.join(runsDir, fileName);
  const entry = fileName.replace(/\.json$/, '');
  const damaged = (reason: string): RunFileRead => ({ problem: { kind: 'damaged', file, entry, reason } });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch (error) {
    return damaged(error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as Error).message);
  }
  const unsupported = versionProblem(data);
  if (unsupported) return { problem: { kind: 'unsupported', file, entry, reason: unsupported } };
  const parsed = runSchema().safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return damaged(`unexpected ${issue.path.join('.') || 'entry'}: ${issue.message}`);
  }
  return { run: parsed.data as unknown as StoredRun };
}

/**
 * Reads every run of the store under `root`, oldest first. A missing store is an empty one; a damaged
 * or unsupported file is skipped and named in `problems`, never taken for "no result".
 */
export function readRuns(root: string): RunStore {
  let names: string[];
  try {
    names = readdirSync(path.join(root, runsDir)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], problems: [] };
    return { runs: [], problems: [{ kind: 'damaged', file: runsDir, entry: null, reason: (error as Error).message }] };
  }
  const store: RunStore = { runs: [], problems: [] };
  for (const name of names.sort()) {
    const read = readRunFile(root, name);
    if ('run' in read) store.runs.push(read.run);
    else store.problems.push(read.problem);
  }
  store.runs.sort(compareRuns);
  return store;
}
