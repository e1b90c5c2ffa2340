import { validateConfig, type RunbookConfig } from '../config';
import { statuses as allStatuses, type RunReport, type Status, type StepOutcome, type Totals } from '../model';

/** A configuration with a sandbox and a real environment (`prod`), keeping `keepRuns` runs. */
export function storeConfig(keepRuns = 500): RunbookConfig {
  return validateConfig({
    results: { keepRuns },
    environments: { sandbox: { sandbox: { world: 'healthy' } }, prod: { aws: { region: 'eu-west-1' } } },
  });
}

/** A result document of one run: `statuses` maps step ids (`3.3.1`) to their status; the scenario is the id's first two parts. */
export function reportOf(startedAt: string, statuses: Record<string, Status>, where: { environment?: string; world?: string | null } = {}): RunReport {
  const results = Object.entries(statuses).map(([step, status]): StepOutcome => {
    const head = { step, scenario: step.split('.').slice(0, 2).join('.'), role: 'action' as const, text: `step ${step}`, check: `check-${step}`, kind: 'check' as const, durationMs: 5, evidence: [], links: [] };
    if (status === 'pass') return { ...head, status, summary: 'fine' };
    if (status === 'error') return { ...head, status, summary: 'could not tell', error: { name: 'Error', message: 'x' } };
    if (status === 'acknowledged') {
      const acknowledgement = { reason: 'known', owner: 'data-platform', expires: '2099-01-01T00:00:00.000Z', source: { file: 'runbook.acks.yaml', line: 2, column: 5 } };
      return { ...head, status, summary: 'acknowledged failure', reason: 'fail', acknowledgement };
    }
    return { ...head, status, summary: status, reason: status };
  });
  const totals = Object.fromEntries(allStatuses.map((s) => [s, results.filter((r) => r.status === s).length])) as Totals;
  return {
    version: 1,
    environment: where.environment ?? 'sandbox',
    world: where.world === undefined ? 'healthy' : where.world,
    selection: [...new Set(results.map((r) => r.scenario))],
    scenarios: [],
    fix: false,
    startedAt,
    durationMs: 1200,
    totals,
    results,
  };
}
