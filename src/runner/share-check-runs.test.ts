import { describe, expect, it } from 'vitest';
import { defineCheck, pass, stillHolds } from '../check-api';
import type { Step, StepOutcome } from '../model';
import { shareCheckRuns, type StepRunner } from './share-check-runs';

const position = { file: 'docs/runbook.md', line: 1, column: 1 };
const stepOf = (id: string, modulePath: string | null): Step => ({
  id,
  scenarioId: id.split('.').slice(0, 2).join('.'),
  role: id.includes('.s') ? 'symptom' : 'action',
  text: `text of ${id}`,
  position,
  ...(modulePath ? { check: { id: modulePath.replace(/^.*\/|\.ts$/g, ''), href: `../${modulePath}`, modulePath, position } } : {}),
});
const check = defineCheck({ id: 'execution-failed', title: 't', establishes: 'e', kind: 'check', uses: [], run: async () => pass('ok') });
const action = defineCheck({ id: 'rerun', title: 't', establishes: 'e', kind: 'action', uses: [], plan: async () => pass('nothing'), precondition: async () => stillHolds, apply: async () => pass('done') });

function countingRunner(): StepRunner & { runs: string[] } {
  const runs: string[] = [];
  const runner = async (step: Step): Promise<StepOutcome> => {
    runs.push(step.id);
    return { step: step.id, scenario: step.scenarioId, role: step.role, text: step.text, check: step.check?.id ?? null, kind: 'check', durationMs: 42, ...pass(`seen by ${step.id}`, { evidence: [{ label: 'latest', value: 'FAILED' }] }) };
  };
  return Object.assign(runner, { runs });
}

describe('shareCheckRuns', () => {
  it('runs a check linked from two steps once and gives the second step its outcome, marked as shared and with no time of its own', async () => {
    const inner = countingRunner();
    const run = shareCheckRuns(inner);
    const [first, second] = await Promise.all([run(stepOf('3.1.s1', 'checks/sfn/execution-failed.ts'), check), run(stepOf('3.2.s1', 'checks/sfn/execution-failed.ts'), check)]);
    expect(inner.runs).toEqual(['3.1.s1']);
    expect(first).toMatchObject({ step: '3.1.s1', durationMs: 42, summary: 'seen by 3.1.s1' });
    expect(first!.sharedWith).toBeUndefined();
    expect(second).toMatchObject({ step: '3.2.s1', scenario: '3.2', text: 'text of 3.2.s1', durationMs: 0, sharedWith: '3.1.s1', summary: 'seen by 3.1.s1', evidence: [{ label: 'latest', value: 'FAILED' }] });
  });

  it('runs different checks, actions, steps without a check and checks that failed to load every time', async () => {
    const inner = countingRunner();
    const run = shareCheckRuns(inner);
    await run(stepOf('3.1.1', 'checks/glue/a.ts'), check);
    await run(stepOf('3.1.2', 'checks/glue/b.ts'), check);
    await run(stepOf('3.1.5', 'checks/sfn/rerun.ts'), action);
    await run(stepOf('3.2.5', 'checks/sfn/rerun.ts'), action);
    await run(stepOf('3.4.s1', null), null);
    await run(stepOf('3.4.s2', null), null);
    await run(stepOf('3.3.1', 'checks/broken.ts'), new Error('syntax'));
    await run(stepOf('3.3.2', 'checks/broken.ts'), new Error('syntax'));
    expect(inner.runs).toEqual(['3.1.1', '3.1.2', '3.1.5', '3.2.5', '3.4.s1', '3.4.s2', '3.3.1', '3.3.2']);
  });
});
