import type { RunResults } from './run-results';

/** Counts of a run's results by status, as dbt's own summary line (`PASS=7 WARN=0 ERROR=1 SKIP=2`). */
export function statusCounts(run: RunResults): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of run.results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return counts;
}

/** dbt's summary line for a run. */
export function summaryLine(run: RunResults): string {
  const counts = statusCounts(run);
  const pass = (counts.pass ?? 0) + (counts.success ?? 0);
  const error = (counts.error ?? 0) + (counts['runtime error'] ?? 0) + (counts.fail ?? 0);
  return `PASS=${pass} WARN=${counts.warn ?? 0} ERROR=${error} SKIP=${counts.skipped ?? 0} TOTAL=${run.results.length}`;
}
