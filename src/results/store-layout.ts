import { randomBytes } from 'node:crypto';

/** The folder of the results store, relative to the project root: one JSON file per run. */
export const runsDir = '.runbook/results/runs';

const runFile = /^(\d{8}T\d{9}Z-[0-9a-f]{6})\.json$/;

/** A new run id from its start time: sorting ids sorts runs by start (`20251126T015044123Z-3f9a1c`). */
export function newRunId(startedAt: string): string {
  const compact = new Date(startedAt).toISOString().replace(/[-:.]/g, '');
  return `${compact}-${randomBytes(3).toString('hex')}`;
}

/** The file of a run in the store folder. */
export function runFileName(id: string): string {
  return `${id}.json`;
}

/** The run id a store file name holds, or null for files that are not runs (temporary files, notes). */
export function runIdOf(fileName: string): string | null {
  return runFile.exec(fileName)?.[1] ?? null;
}
