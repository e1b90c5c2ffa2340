import { allSteps, type Runbook, type Scenario, type Step } from '../model';
import type { Drill } from './catalog';

/** What a drill accepts as the diagnosis, derived from its world's `expect` and the runbook. */
export interface AnswerKey {
  scenario: Scenario;
  /** The steps that single the incident out: a right answer names one of them. */
  steps: Step[];
  /** Every step (not a symptom, not a cause) the world expects to be flagged, the accepted ones among them. */
  flagged: Step[];
  /** The common causes the world expects to be flagged; empty when the scenario lists no causes. */
  causes: Step[];
}

/** A cause's name on the command line: its runbook text in lower case with dashes (`Corrupt JSON` → `corrupt-json`). */
export function causeName(step: Pick<Step, 'text'>): string {
  return step.text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The common causes a scenario lists (`Common Causes:`), none for most scenarios. */
export function scenarioCauses(scenario: Scenario): Step[] {
  return scenario.steps.filter((step) => step.role === 'cause');
}

/** The steps a world expects to show the problem: those expected to fail or, when none fails, to warn. */
function flaggedSteps(drill: Drill, runbook: Runbook): Step[] {
  const steps = allSteps(runbook).filter((step) => step.role !== 'symptom');
  const failing = steps.filter((step) => drill.expect[step.id] === 'fail');
  return failing.length > 0 ? failing : steps.filter((step) => drill.expect[step.id] === 'warn');
}

/**
 * The answer key of a drill. Where the scenario lists common causes, the cause tells its incidents apart and
 * any flagged step is accepted with it; elsewhere the accepted steps are those that no other drill of the
 * scenario flags (a step every Terraform incident fails says *that* the apply failed, not why), or every
 * flagged step when none is unique.
 */
export function buildAnswerKey(drill: Drill, drills: readonly Drill[], runbook: Runbook): AnswerKey {
  const flaggedAll = flaggedSteps(drill, runbook);
  const scenario = runbook.scenarios.find((s) => flaggedAll.some((step) => step.scenarioId === s.id));
  if (!scenario) throw new Error(`drill ${drill.name}: its world expects no step of the runbook to fail or warn`);
  const flagged = flaggedAll.filter((step) => step.role !== 'cause');
  const causes = flaggedAll.filter((step) => step.role === 'cause');
  if (scenarioCauses(scenario).length > 0) return { scenario, steps: flagged, flagged, causes };
  const elsewhere = new Set(
    drills.filter((other) => other.name !== drill.name).flatMap((other) => flaggedSteps(other, runbook).map((step) => step.id)),
  );
  const unique = flagged.filter((step) => !elsewhere.has(step.id));
  return { scenario, steps: unique.length > 0 ? unique : flagged, flagged, causes };
}
