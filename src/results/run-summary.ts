import { statuses, type Status } from '../model';
import { formatCommand } from './command-line';
import type { StoredRun } from './stored-run';

/** A stored run as a listing shows it: who ran what, where and when, and how it ended, without its evidence. */
export interface RunSummary {
  id: string;
  startedAt: string;
  durationMs: number;
  environment: string;
  world: string | null;
  commit: string | null;
  /** The command line as it could be typed again (`npm run check -- 3.3 --world healthy`). */
  command: string;
  user: string;
  /** The scenarios and steps the run was asked for (`3.3`, `triage`). */
  selection: string[];
  /** How many steps ended in each status; statuses with none are left out. */
  totals: Partial<Record<Status, number>>;
  /** The steps that failed or could not tell. */
  problems: string[];
}

/** Summarises a stored run for history and transcript listings. */
export function summarizeRun(run: StoredRun): RunSummary {
  const totals: Partial<Record<Status, number>> = {};
  for (const status of statuses) {
    const count = run.report.results.filter((outcome) => outcome.status === status).length;
    if (count > 0) totals[status] = count;
  }
  return {
    id: run.id,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    environment: run.environment,
    world: run.world,
    commit: run.commit,
    command: formatCommand(run),
    user: run.user,
    selection: run.report.selection,
    totals,
    problems: run.report.results.filter((outcome) => outcome.status === 'fail' || outcome.status === 'error').map((outcome) => outcome.step),
  };
}

/** Totals in words, most pressing first: `1 fail, 4 pass, 1 skip`. */
export function totalsText(totals: Partial<Record<Status, number>>): string {
  return statuses.filter((status) => totals[status]).map((status) => `${totals[status]} ${status}`).join(', ') || 'no steps';
}
