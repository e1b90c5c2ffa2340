import { describe, expect, it } from 'vitest';
import { fail, pass, skip, warn, error as errorVerdict } from '../../check-api/verdicts';
import type { ReportScenario, Runbook, Step, StepOutcome, StepResult } from '../../model';
import { rankScenarios } from './rank';
import { triageSignals } from './signals';

const position = { file: 'docs/runbook.md', line: 1, column: 1 };
const item = (id: string, role: Step['role'], check: string): Step => ({
  id,
  scenarioId: id.split('.').slice(0, 2).join('.'),
  role,
  text: id,
  position,
  check: { id: check, href: `../checks/${check}.ts`, modulePath: `checks/${check}.ts`, position },
});
const runbook: Runbook = {
  files: ['docs/runbook.md'],
  scenarios: [
    { id: '3.1', title: 'Glue', severity: 'high', position, steps: [item('3.1.s1', 'symptom', 'execution-failed'), item('3.1.s2', 'symptom', 'job-run-failed'), item('3.1.s3', 'symptom', 'run-error-logs'), item('3.1.1', 'action', 'run-error-logs')] },
    { id: '3.2', title: 'SFN', severity: 'high', position, steps: [item('3.2.s1', 'symptom', 'execution-failed'), item('3.2.s2', 'symptom', 'stopped-between-jobs')] },
    { id: '3.3', title: 'Table', severity: 'medium', position, steps: [item('3.3.s1', 'symptom', 'files-newer')] },
    { id: '3.4', title: 'dbt', severity: 'medium', position, steps: [item('3.4.s1', 'symptom', 'dbt-test-failed')] },
    { id: '3.5', title: 'DAG', severity: 'medium', position, steps: [item('3.5.s1', 'symptom', 'dag-failed'), item('3.5.k1', 'check', 'freshness')] },
    { id: '3.6', title: 'Terraform', severity: 'high', position, steps: [item('3.6.s1', 'symptom', 'apply-failed')] },
  ],
};
const scenarios: ReportScenario[] = runbook.scenarios.map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null }));
const signals = triageSignals(runbook);
const outcome = (step: string, result: StepResult): StepOutcome => ({ step, scenario: step.split('.').slice(0, 2).join('.'), role: 'symptom', text: step, check: 'c', kind: 'check', durationMs: 1, ...result });
const outcomes = (statuses: Record<string, StepResult>) => Object.entries(statuses).map(([step, result]) => outcome(step, result));
const ranked = (statuses: Record<string, StepResult>) => rankScenarios(scenarios, signals, outcomes(statuses)).map((m) => [m.scenario.id, m.coverage, m.score]);

describe('triageSignals', () => {
  it('takes symptoms and check-list entries, never actions, and shares the weight of a check linked from several scenarios', () => {
    expect(signals.map((s) => [s.step.id, s.weight])).toEqual([
      ['3.1.s1', 0.5],
      ['3.1.s2', 1],
      ['3.1.s3', 1],
      ['3.2.s1', 0.5],
      ['3.2.s2', 1],
      ['3.3.s1', 1],
      ['3.4.s1', 1],
      ['3.5.s1', 1],
      ['3.5.k1', 0.5],
      ['3.6.s1', 1],
    ]);
  });
});

describe('rankScenarios', () => {
  it('ranks nothing when no symptom is present: passes, skips, errors and acknowledged failures are not matches', () => {
    const acknowledged = { ...fail('known'), status: 'acknowledged' as const, acknowledgement: { reason: 'r', owner: 'o', expires: '2999-01-01T00:00:00.000Z', source: position } };
    expect(ranked({ '3.1.s1': pass('ok'), '3.1.s3': skip('no run'), '3.5.s1': errorVerdict('could not tell', new Error('x')), '3.6.s1': acknowledged })).toEqual([]);
  });

  it('puts the scenario whose own symptoms are all present above one that only shares them', () => {
    // Glue failed: the execution, the job and its logs; the execution's failure is a 3.2 symptom too, and 3.2.s2 is present
    const glue = { '3.1.s1': fail('x'), '3.1.s2': fail('x'), '3.1.s3': fail('x'), '3.2.s1': fail('x'), '3.2.s2': fail('x') };
    expect(ranked(glue)).toEqual([
      ['3.1', 1, 2.5],
      ['3.2', 1, 1.5],
    ]);
    // Step Functions failed before any job ran: 3.1 only sees the shared execution and a failed job run
    const sfn = { '3.1.s1': fail('x'), '3.1.s2': fail('x'), '3.1.s3': pass('x'), '3.2.s1': fail('x'), '3.2.s2': fail('x') };
    expect(ranked(sfn)).toEqual([
      ['3.2', 1, 1.5],
      ['3.1', 0.6, 1.5],
    ]);
  });

  it('counts a warning half as much as a failure, and a check-list entry half as much as a symptom', () => {
    expect(ranked({ '3.5.s1': warn('x') })).toEqual([['3.5', 0.333333, 0.5]]);
    expect(ranked({ '3.5.k1': fail('x') })).toEqual([['3.5', 0.333333, 0.5]]);
  });

  it('breaks a tie by severity (high above medium), then by runbook order', () => {
    expect(ranked({ '3.3.s1': fail('x'), '3.6.s1': fail('x') }).map(([id]) => id)).toEqual(['3.6', '3.3']);
    expect(ranked({ '3.4.s1': fail('x'), '3.3.s1': fail('x') }).map(([id]) => id)).toEqual(['3.3', '3.4']);
  });

  it('keeps each matched signal with its outcome, weight and strength', () => {
    const [match] = rankScenarios(scenarios, signals, outcomes({ '3.5.s1': fail('dag failed'), '3.5.k1': warn('stale') }));
    expect(match!.matched.map((m) => [m.outcome.step, m.outcome.summary, m.weight, m.strength])).toEqual([
      ['3.5.s1', 'dag failed', 1, 1],
      ['3.5.k1', 'stale', 0.5, 0.5],
    ]);
    expect(match!.signals).toBe(2);
  });
});
