import type { CheckDefinition } from '../check-api';
import type { Step, StepOutcome } from '../model';

/** Runs one step's check and reports its outcome. */
export type StepRunner = (step: Step, check: CheckDefinition | Error | null) => Promise<StepOutcome>;

/**
 * Wraps a step runner so that each read-only check runs once per run: a later step that links the same
 * check (a symptom and an action, or two scenarios' symptoms) reuses the first step's outcome, marked
 * `sharedWith` that step and with no time of its own. Actions always run per step.
 */
export function shareCheckRuns(runStep: StepRunner): StepRunner {
  const firstRuns = new Map<string, Promise<StepOutcome>>();
  return (step, check) => {
    if (!step.check || !check || check instanceof Error || check.kind !== 'check') return runStep(step, check);
    const earlier = firstRuns.get(step.check.modulePath);
    if (!earlier) {
      const first = runStep(step, check);
      firstRuns.set(step.check.modulePath, first);
      return first;
    }
    return earlier.then((outcome) => ({ ...outcome, step: step.id, scenario: step.scenarioId, role: step.role, text: step.text, durationMs: 0, sharedWith: outcome.step }));
  };
}
