import type { RunResults } from './run-results';

/** Counts of a run's results by status, as dbt's own summary line (`PASS=7 WARN=0 ERROR=1 SKIP=2 NO-OP=1`). */
export function statusCounts(run: RunResults): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of run.results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return counts;
}

/**
 * dbt's summary line for a run (`PASS=… WARN=… ERROR=… SKIP=… NO-OP=… TOTAL=…`, as dbt 1.8+ prints it);
 * partial successes and statuses this parser does not know get buckets of their own, so the parts add up to TOTAL.
 */
export function summaryLine(run: RunResults): string {
  const counts = statusCounts(run);
  const n = (status: string) => counts[status] ?? 0;
  const unknown = Object.entries(counts).filter(([status]) => status.startsWith('unknown:')).reduce((sum, [, count]) => sum + count, 0);
  const parts = [
    `PASS=${n('pass') + n('success')}`,
    `WARN=${n('warn')}`,
    `ERROR=${n('error') + n('runtime error') + n('fail')}`,
    `SKIP=${n('skipped')}`,
    `NO-OP=${n('no-op')}`,
    ...(n('partial success') ? [`PARTIAL SUCCESS=${n('partial success')}`] : []),
    ...(unknown ? [`UNKNOWN=${unknown}`] : []),
  ];
  return `${parts.join(' ')} TOTAL=${run.results.length}`;
}
