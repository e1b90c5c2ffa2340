import type { Status } from '../../model';
import { compareStepIds, latestResults, selectRuns, summarizeRun, type RunSummary, type StoredRun } from '../../results';

/** The version of the `history --json` document. */
export const historyVersion = 1;

/** What history looks at: a scenario or a step, an environment, runs since a time. */
export interface HistoryScope {
  scenario?: string;
  step?: string;
  environment?: string;
}

/** One step's latest status in one environment, and since when it has had it. */
export interface StepHistory {
  environment: string;
  step: string;
  scenario: string;
  text: string;
  status: Status;
  summary: string;
  /** When the status last changed: the start of the first run of its current streak. */
  statusSince: string;
  /** The status before that change, or null when every recorded run of the step had this one. */
  previousStatus: Status | null;
  /** The latest run of the step. */
  lastRun: { id: string; startedAt: string };
}

/** What `npm run check -- history` shows, and `--json` prints. */
export interface HistoryResult {
  version: typeof historyVersion;
  scope: HistoryScope;
  /** The start of the window (`--since`), or null for the latest runs whatever their age. */
  since: string | null;
  /** The runs of the scope and window, newest first, at most `limit` of them. */
  runs: RunSummary[];
  /** Runs of the scope and window left out by the limit. */
  moreRuns: number;
  /** Per step of the scope whose latest run is in the window: its latest status and when it last changed. */
  steps: StepHistory[];
  /** Store files that could not be read, as warnings (`file (run id): reason`). */
  skipped: string[];
}

/** How to build a history: the scope, the window's start, how many runs to list, and the store's warnings. */
export interface HistoryRequest {
  scope: HistoryScope;
  since?: Date;
  limit: number;
  skipped?: string[];
}

/**
 * Builds the history of the runs in the store (`runs` oldest first). When a status last changed is read from
 * every stored run of the scope, so a change before the window still shows; the window only picks what is listed.
 */
export function buildHistory(runs: readonly StoredRun[], request: HistoryRequest): HistoryResult {
  const { scope, since } = request;
  const inScope = selectRuns(runs, scope);
  const inWindow = since ? selectRuns(inScope, { since }) : inScope;
  const newest = [...inWindow].reverse();
  const wanted = (step: string, scenario: string) => (scope.step === undefined || step === scope.step) && (scope.scenario === undefined || scenario === scope.scenario);
  const steps: StepHistory[] = [];
  for (const [environment, byStep] of latestResults(inScope)) {
    for (const latest of byStep.values()) {
      const { outcome, run } = latest;
      if (!wanted(outcome.step, outcome.scenario) || (since && Date.parse(run.startedAt) < since.getTime())) continue;
      steps.push({
        environment,
        step: outcome.step,
        scenario: outcome.scenario,
        text: outcome.text,
        status: outcome.status,
        summary: outcome.summary,
        statusSince: latest.statusSince,
        previousStatus: latest.previousStatus,
        lastRun: { id: run.id, startedAt: run.startedAt },
      });
    }
  }
  steps.sort((a, b) => a.environment.localeCompare(b.environment) || compareStepIds(a.step, b.step));
  return {
    version: historyVersion,
    scope,
    since: since?.toISOString() ?? null,
    runs: newest.slice(0, request.limit).map(summarizeRun),
    moreRuns: Math.max(0, newest.length - request.limit),
    steps,
    skipped: request.skipped ?? [],
  };
}
