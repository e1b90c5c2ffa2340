import type { ReportScenario, Runbook } from '../model';

/** The runbook's scenarios as a report names them (id, title, severity), in runbook order; only `ids` when given. */
export function reportScenarios(runbook: Runbook, ids?: ReadonlySet<string>): ReportScenario[] {
  return runbook.scenarios.filter((s) => !ids || ids.has(s.id)).map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null }));
}
