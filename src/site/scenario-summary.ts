import { isReported, type Scenario, type Status } from '../model';
import type { StepLatest } from '../results';
import { checkCommand } from './check-command';
import { scenarioAnchor, scenarioDocId } from './scenario-anchor';
import type { ScenarioSummaryView, StatusCounts } from './step-view';

/** A step's latest outcomes, most recent first, from its current check only (a result of another check is stale). */
export type LatestOfStep = (stepId: string, checkId: string) => StepLatest[];

/**
 * A scenario's overview row: the latest status of each of its steps in one environment (by default the
 * one it last ran in), counted; steps never run there count as `none`, steps without a check as `manual`.
 */
export function summarizeScenario(scenario: Scenario, latestOf: LatestOfStep, environment?: string): ScenarioSummaryView {
  const steps = scenario.steps.filter(isReported);
  const latest = steps.flatMap((step) => (step.check ? latestOf(step.id, step.check.id) : []));
  const where = environment ?? latest.sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt))[0]?.environment;
  const counts: StatusCounts = {};
  let last: StepLatest | undefined;
  for (const step of steps) {
    const found = step.check ? latestOf(step.id, step.check.id).find((item) => item.environment === where) : undefined;
    const key: Status | 'none' | 'manual' = !step.check ? 'manual' : (found?.outcome.status ?? 'none');
    counts[key] = (counts[key] ?? 0) + 1;
    if (found && (!last || found.run.startedAt > last.run.startedAt)) last = found;
  }
  return {
    id: scenario.id,
    title: scenario.title,
    severity: scenario.severity ?? null,
    docId: scenarioDocId(scenario),
    anchor: scenarioAnchor(scenario),
    counts,
    failing: (counts.fail ?? 0) > 0,
    lastRun: last
      ? { startedAt: last.run.startedAt, environment: last.run.environment, world: last.run.world, sandbox: last.run.sandbox, command: checkCommand(scenario.id, { environment: last.run.environment, world: last.run.world }) }
      : null,
  };
}
