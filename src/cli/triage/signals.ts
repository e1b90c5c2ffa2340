import type { Runbook, Step, StepRole } from '../../model';

/** How much a present item says about its scenario, by role: a symptom, or an entry of its "Check:" list. */
export const roleWeights: Partial<Record<StepRole, number>> = { symptom: 1, check: 0.5 };

/** An item whose check tells whether a scenario is happening, and how much its presence weighs. */
export interface TriageSignal {
  step: Step;
  /** The role's weight divided by how many scenarios' signals link the same check (a shared symptom says less). */
  weight: number;
}

/** The triage signals of every scenario: its symptoms and check-list entries that link a check. */
export function triageSignals(runbook: Runbook): TriageSignal[] {
  const steps = runbook.scenarios.flatMap((s) => s.steps).filter((step) => step.check && roleWeights[step.role] !== undefined);
  const scenariosOf = new Map<string, Set<string>>();
  for (const step of steps) scenariosOf.set(step.check!.modulePath, (scenariosOf.get(step.check!.modulePath) ?? new Set()).add(step.scenarioId));
  return steps.map((step) => ({ step, weight: roleWeights[step.role]! / scenariosOf.get(step.check!.modulePath)!.size }));
}
