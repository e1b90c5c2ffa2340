import { createSlugger } from '@docusaurus/utils';
import type { Scenario } from '../model';

/**
 * The id of a scenario's heading (`31-glue-job-failure` for `### 3.1 Glue Job Failure`), as Docusaurus
 * makes it from the heading text: the runbook page sets it, the overview, sidebar and diagram link to it.
 */
export function scenarioAnchor(scenario: Pick<Scenario, 'id' | 'title'>): string {
  return createSlugger().slug(`${scenario.id} ${scenario.title}`);
}

/** The Docusaurus doc id of a scenario's document: its path under `docs/` without the extension (`runbook`). */
export function scenarioDocId(scenario: Pick<Scenario, 'position'>): string {
  return scenario.position.file.replace(/^docs\//, '').replace(/\.mdx?$/, '');
}
