import type { Runbook, Totals } from '../model';
import type { StoredRun } from '../results';
import { summarizeScenario } from './scenario-summary';
import type { SiteResults } from './site-results';
import type { ScenarioSummaryView } from './step-view';

/** One run in the list of recent runs: where, when and by whom, what was asked for, and how it ended. */
export type RunSummaryView = Pick<StoredRun, 'id' | 'startedAt' | 'durationMs' | 'environment' | 'world' | 'sandbox' | 'user'> & {
  /** Scenario and step ids, empty for every scenario. */
  selection: string[];
  fix: boolean;
  totals: Totals;
  /** The runbook's commit, shortened; null outside git. */
  commit: string | null;
};

/** The scenarios that ran in one environment, each with its latest results there. */
export interface EnvironmentResultsView {
  environment: string;
  sandbox: boolean;
  scenarios: ScenarioSummaryView[];
}

/** The props of the results page: latest results by environment, and the recent runs. */
export interface ResultsPageView {
  environments: EnvironmentResultsView[];
  recentRuns: RunSummaryView[];
}

/** How many runs the results page lists. */
export const recentRunsShown = 25;

function runSummary(run: StoredRun): RunSummaryView {
  const { report } = run;
  return {
    id: run.id,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    environment: run.environment,
    world: run.world,
    sandbox: run.sandbox,
    selection: report.selection,
    fix: report.fix,
    totals: report.totals,
    user: run.user,
    commit: run.commit?.slice(0, 10) ?? null,
  };
}

/** Builds the results page: per environment (most recent first), every scenario that ran there; then the latest runs. */
export function resultsPageView(runbook: Runbook, results: SiteResults): ResultsPageView {
  const newestFirst = [...results.runs].reverse();
  const environments = [...new Set(newestFirst.map((run) => run.environment))].map((environment) => ({
    environment,
    sandbox: newestFirst.find((run) => run.environment === environment)!.sandbox,
    scenarios: runbook.scenarios.map((scenario) => summarizeScenario(scenario, results.latestOf, environment)).filter((summary) => summary.lastRun !== null),
  }));
  return { environments, recentRuns: newestFirst.slice(0, recentRunsShown).map(runSummary) };
}
