import { statuses, type StepOutcome, type Totals } from '../model';

/** Counts outcomes by status. */
export function countStatuses(results: readonly StepOutcome[]): Totals {
  const totals = Object.fromEntries(statuses.map((s) => [s, 0])) as Totals;
  for (const result of results) totals[result.status]++;
  return totals;
}
