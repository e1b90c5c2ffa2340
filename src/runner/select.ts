import { isReported, type ReportScenario, type Runbook, type Step } from '../model';

/** A selection that names no scenario or step; lists what exists. */
export class SelectionError extends Error {
  override name = 'SelectionError';
  constructor(readonly unknown: string, readonly known: string[]) {
    super(`Unknown scenario or step "${unknown}", expected one of: ${known.join(', ')}`);
  }
}

/**
 * The steps a selection names: a scenario id (`3.3`) selects its reported steps, a step id (`3.3.1`,
 * `3.3.s2`) that step alone; no selection selects every scenario.
 */
export function selectSteps(runbook: Runbook, selection: readonly string[]): Step[] {
  if (selection.length === 0) return runbook.scenarios.flatMap((s) => s.steps.filter(isReported));
  const chosen: Step[] = [];
  for (const id of selection) {
    const scenario = runbook.scenarios.find((s) => s.id === id);
    const step = runbook.scenarios.flatMap((s) => s.steps).find((s) => s.id === id);
    if (scenario) chosen.push(...scenario.steps.filter(isReported));
    else if (step) chosen.push(step);
    else throw new SelectionError(id, runbook.scenarios.map((s) => `${s.id} (${s.title})`));
  }
  return [...new Map(chosen.map((step) => [step.id, step])).values()];
}

/** The scenarios that the given steps belong to, as a report names them (title and severity). */
export function reportScenarios(runbook: Runbook, steps: readonly Step[]): ReportScenario[] {
  const ids = new Set(steps.map((s) => s.scenarioId));
  return runbook.scenarios.filter((s) => ids.has(s.id)).map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null }));
}
