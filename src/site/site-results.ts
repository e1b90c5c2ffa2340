import type { RunbookConfig } from '../config';
import { latestResults, readRuns, type StepLatest, type StoredRun, type StoreProblem } from '../results';
import { consoleLinkRule, type LinkRule } from './console-links';
import type { LatestOfStep } from './scenario-summary';

/** What the site shows from the results store. */
export interface SiteResults {
  runs: StoredRun[];
  /** Files of the store that were skipped: the page names each of them. */
  problems: StoreProblem[];
  /** A step's latest outcome in every environment it ran with this check, the most recent first. */
  latestOf: LatestOfStep;
  /** Which links of an environment's runs the page makes clickable. */
  linkRule(environment: string): LinkRule;
}

/** Reads the results store under `root`, indexed for the page; `config` names each environment's consoles. */
export function loadSiteResults(root: string, config: RunbookConfig | undefined): SiteResults {
  const { runs, problems } = readRuns(root);
  const byStep = new Map<string, StepLatest[]>();
  for (const latest of latestResults(runs).values()) {
    for (const [step, item] of latest) byStep.set(step, [...(byStep.get(step) ?? []), item]);
  }
  for (const items of byStep.values()) items.sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt));
  const rules = new Map<string, LinkRule>();
  return {
    runs,
    problems,
    latestOf: (stepId, checkId) => (byStep.get(stepId) ?? []).filter((item) => item.outcome.check === checkId),
    linkRule(environment) {
      if (!rules.has(environment)) rules.set(environment, consoleLinkRule(config?.environments[environment]));
      return rules.get(environment)!;
    },
  };
}
