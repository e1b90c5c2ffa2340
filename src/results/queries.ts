import type { Status, StepOutcome } from '../model';
import type { StoredRun } from './stored-run';

/** Which runs to keep: every given field must match. */
export interface RunFilter {
  /** Runs that started at or after this time. */
  since?: Date;
  environment?: string;
  /** Runs with an outcome of this scenario (`3.3`). */
  scenario?: string;
  /** Runs with an outcome of this step (`3.3.1`, `3.3.s2`). */
  step?: string;
}

/** The runs that match `filter`, in the order given (the store's: oldest first). */
export function selectRuns(runs: readonly StoredRun[], filter: RunFilter): StoredRun[] {
  const since = filter.since?.getTime();
  return runs.filter(
    (run) =>
      (since === undefined || Date.parse(run.startedAt) >= since) &&
      (filter.environment === undefined || run.environment === filter.environment) &&
      (filter.scenario === undefined || run.report.results.some((outcome) => outcome.scenario === filter.scenario)) &&
      (filter.step === undefined || run.report.results.some((outcome) => outcome.step === filter.step)),
  );
}

/** A step's status changing in one environment: from what (null at its first recorded run) to what, and in which run. */
export interface StatusChange {
  environment: string;
  step: string;
  from: Status | null;
  to: Status;
  /** When the run that saw the new status started. */
  at: string;
  run: StoredRun;
}

/** Every status change of every step, per environment, in time order; `runs` must be oldest first. */
export function statusChanges(runs: readonly StoredRun[]): StatusChange[] {
  const last = new Map<string, Status>();
  const changes: StatusChange[] = [];
  for (const run of runs) {
    for (const outcome of run.report.results) {
      const key = `${run.environment}\0${outcome.step}`;
      const from = last.get(key) ?? null;
      if (from !== outcome.status) changes.push({ environment: run.environment, step: outcome.step, from, to: outcome.status, at: run.startedAt, run });
      last.set(key, outcome.status);
    }
  }
  return changes;
}

/** The latest outcome of one step in one environment, and since when the step has had that status. */
export interface StepLatest {
  environment: string;
  run: StoredRun;
  outcome: StepOutcome;
  /** The start of the first run of the unbroken streak of this status: when the status last changed. */
  statusSince: string;
  /** The status before that streak, or null when every recorded run of the step in this environment had this one. */
  previousStatus: Status | null;
}

/** Latest outcomes by environment, then by step id. */
export type LatestResults = Map<string, Map<string, StepLatest>>;

/** The latest outcome of every step in every environment; `runs` must be oldest first. */
export function latestResults(runs: readonly StoredRun[]): LatestResults {
  const latest: LatestResults = new Map();
  const change = new Map<string, StatusChange>();
  for (const item of statusChanges(runs)) change.set(`${item.environment}\0${item.step}`, item);
  for (const run of runs) {
    const byStep = latest.get(run.environment) ?? new Map<string, StepLatest>();
    latest.set(run.environment, byStep);
    for (const outcome of run.report.results) {
      const since = change.get(`${run.environment}\0${outcome.step}`)!;
      byStep.set(outcome.step, { environment: run.environment, run, outcome, statusSince: since.at, previousStatus: since.from });
    }
  }
  return latest;
}
