/**
 * The results store: every run of `npm run check` (unless `--no-save`) kept as one JSON file in
 * `.runbook/results/runs/`, named by its id so that names sort by start time. The CLI writes it with
 * `saveRun`; the site, `history` and `transcript` read it with `readRuns` and the queries below.
 *
 * - Writes are atomic (temporary file, flush, rename): a crash or two runs at once never leave a part of a file.
 * - Retention: `results.keepRuns` in runbook.config.ts; saving removes the oldest runs beyond it.
 * - Reading never throws on bad content: a damaged file, or one of a version this reader does not know, is
 *   skipped and reported in `problems` (file, run id, reason), to be shown, never taken for "not run".
 * - Versions: a run entry carries `version` (storedRunVersion) and its report its own `version` (reportVersion);
 *   adding a field changes neither, and the reader passes unknown fields through.
 */
export { formatCommand } from './command-line';
export { runbookCommit } from './git-commit';
export { pruneRuns } from './prune-runs';
export { latestResults, selectRuns, statusChanges, type LatestResults, type RunFilter, type StatusChange, type StepLatest } from './queries';
export { compareRuns, readRunFile, readRuns, type RunFileRead, type RunStore } from './read-runs';
export { runReportSchema, runSchema } from './run-schema';
export { saveRun, type SaveRunRequest } from './save-run';
export { newRunId, runFileName, runIdOf, runsDir } from './store-layout';
export { formatStoreProblem, type StoreProblem } from './store-problem';
export { storedRunVersion, type StoredRun } from './stored-run';
export { summarizeRun, totalsText, type RunSummary } from './run-summary';
export { compareStepIds } from './step-order';
