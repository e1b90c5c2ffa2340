import path from 'node:path';
import type { RunbookConfig } from '../config';
import type { RunReport } from '../model';
import { writeFileAtomic } from '../util/atomic-file';
import { runbookCommit } from './git-commit';
import { pruneRuns } from './prune-runs';
import { newRunId, runFileName, runsDir } from './store-layout';
import { storedRunVersion, type StoredRun } from './stored-run';

/** What saving a run needs besides its report. */
export interface SaveRunRequest {
  /** The project root whose `.runbook/results/runs/` receives the run. */
  root: string;
  /** The validated configuration: whether the run's environment is a sandbox, and the retention. */
  config: RunbookConfig;
  report: RunReport;
  /** The arguments after `npm run check --` (redact secrets before passing them). */
  command: readonly string[];
  /** Who ran it. */
  user: string;
  /** The runbook's commit; looked up with git when absent. */
  commit?: string | null;
}

/**
 * Adds a run to the store: a new file, written atomically (a reader sees all of it or nothing), then the
 * oldest runs beyond `results.keepRuns` are removed. Returns the entry as stored.
 */
export async function saveRun(request: SaveRunRequest): Promise<StoredRun> {
  const { report, config } = request;
  const run: StoredRun = {
    version: storedRunVersion,
    id: newRunId(report.startedAt),
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    environment: report.environment,
    world: report.world,
    sandbox: config.environments[report.environment]?.sandbox !== undefined,
    commit: request.commit === undefined ? await runbookCommit(request.root) : request.commit,
    command: [...request.command],
    user: request.user,
    report,
  };
  await writeFileAtomic(path.join(request.root, runsDir, runFileName(run.id)), `${JSON.stringify(run, null, 2)}\n`);
  await pruneRuns(request.root, config.results.keepRuns);
  return run;
}
