import { loadDrills } from '../drill/catalog';
import { buildDrillsPage } from './drills-page';
import { buildHealthyPage, healthyPageName } from './healthy-page';
import { runHealthyWorld, type ProjectLoading } from './healthy-run';

/** The folder of the course's pages, relative to the project root. */
export const onboardingDir = 'docs/onboarding';

/** The course's drill page, built from the worlds' briefings: path relative to the root → content. */
export function buildDrillPages(): Map<string, string> {
  return new Map([[`${onboardingDir}/drills.md`, buildDrillsPage(loadDrills())]]);
}

/** The course's "what good looks like" pages, one per scenario, from a real run against the healthy world. */
export async function buildHealthyPages(root: string, loading: ProjectLoading = {}): Promise<Map<string, string>> {
  const { runbook, report, replace } = await runHealthyWorld(root, loading);
  return new Map(runbook.scenarios.map((scenario, index) => [`${onboardingDir}/healthy/${healthyPageName(scenario)}`, buildHealthyPage(scenario, report, index + 1, replace)]));
}
