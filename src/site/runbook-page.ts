import type { Root, RootContent } from 'mdast';
import type { CheckDefinition } from '../check-api';
import type { Step } from '../model';
import type { DocumentModel } from '../parser';
import { jsxElement } from './mdx-nodes';
import { ruleAdmonitions } from './rule-admonitions';
import { sandboxBanner, storeProblemsNotice } from './results-notices';
import { decorateScenarioHeadings } from './scenario-headings';
import { summarizeScenario } from './scenario-summary';
import { readSeverityGuidelines } from './severity-guidelines';
import type { SiteResults } from './site-results';
import { placeStepBadges } from './step-badges';

/** The name the overview component is imported under. */
export const overviewComponent = 'ScenarioOverview';

/** Puts blocks right after the page's title (its `#` heading), or at the top when it has none. */
function insertAfterTitle(tree: Root, blocks: RootContent[]): void {
  const title = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  const at = title >= 0 ? title + 1 : tree.children.findIndex((node) => node.type !== 'yaml');
  tree.children.splice(at < 0 ? tree.children.length : at, 0, ...blocks);
}

/**
 * Makes a runbook document the on-call page: the store's notices, a sandbox banner and the scenario
 * overview first; a badge under every step; scenario headings marked and given their severity; rules
 * as admonitions. Returns the component names the page uses.
 */
export function transformRunbookPage(tree: Root, model: DocumentModel, checkOf: Map<Step, CheckDefinition>, results: SiteResults): Set<string> {
  const guidelines = readSeverityGuidelines(tree);
  const used = placeStepBadges(tree, model, checkOf, results);
  const summaries = new Map(model.scenarios.map((scenario) => [scenario.id, summarizeScenario(scenario, results.latestOf)]));
  decorateScenarioHeadings(tree, summaries, guidelines);
  ruleAdmonitions(tree);
  const shown = [...checkOf].flatMap(([step, check]) => results.latestOf(step.id, check.id).map((latest) => latest.run));
  insertAfterTitle(tree, [
    ...storeProblemsNotice(results.problems),
    ...sandboxBanner(shown),
    jsxElement(overviewComponent, { scenarios: [...summaries.values()] }) as unknown as RootContent,
  ]);
  return used.add(overviewComponent);
}
