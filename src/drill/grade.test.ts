import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../test/support/project';
import type { Runbook } from '../model';
import { defaultLayout, loadRunbook } from '../parser/load';
import { buildAnswerKey, causeName } from './answer-key';
import { findDrill, loadDrills } from './catalog';
import { AnswerError, gradeAnswer, validateAnswer, type DrillAnswer } from './grade';

describe('grading a drill answer', () => {
  let runbook: Runbook;
  beforeAll(async () => {
    runbook = (await loadRunbook(defaultLayout(root))).runbook;
  });
  const drills = loadDrills();
  const keyOf = (name: string) => buildAnswerKey(findDrill(name), drills, runbook);
  const grade = (name: string, answer: DrillAnswer) => gradeAnswer(validateAnswer(answer, runbook), keyOf(name));
  const accepted = (name: string) => keyOf(name).steps.map((s) => s.id);

  it('accepts, where the runbook lists causes, any step the world fails with the cause it fails', () => {
    expect(accepted('glue-job-failed-1')).toEqual(['3.1.2', '3.1.3']);
    expect(keyOf('glue-job-failed-1').causes.map(causeName)).toEqual(['corrupt-json']);
    expect(grade('glue-job-failed-1', { step: '3.1.2', cause: 'corrupt-json' }).correct).toBe(true);
    expect(grade('glue-job-failed-1', { step: '3.1.3', cause: 'schema-mismatch' })).toMatchObject({ correct: false, stepRight: true, causeRight: false });
    expect(grade('glue-job-failed-3', { step: '3.1.2', cause: 'memory-configuration-too-low' }).correct).toBe(true);
  });

  it('accepts elsewhere only the steps that single the incident out of its scenario', () => {
    expect(accepted('terraform-apply-failed-4')).toEqual(['3.6.n1']);
    expect(accepted('dag-run-failed-2')).toEqual(['3.5.k1']);
    expect(accepted('dag-run-failed-1')).toEqual(['3.5.2', '3.5.3']);
    expect(accepted('state-machine-changed-1')).toEqual(['3.2.n1']);
    expect(grade('terraform-apply-failed-4', { step: '3.6.1' })).toMatchObject({ correct: false, stepFlaggedOnly: true });
    expect(grade('dag-run-failed-2', { step: '3.5.2' })).toMatchObject({ correct: false, stepFlaggedOnly: true });
  });

  it.each(drills.map((d) => [d.name] as const))('%s: its key answer is graded correct, a passing step or another scenario wrong', (name) => {
    const key = keyOf(name);
    const cause = key.causes[0] ? causeName(key.causes[0]) : undefined;
    expect(grade(name, { step: key.steps[0]!.id, cause }).correct).toBe(true);
    const passing = key.scenario.steps.find((s) => s.check && s.role !== 'symptom' && s.role !== 'cause' && !key.flagged.includes(s));
    expect(grade(name, { step: passing!.id, cause }).correct).toBe(false);
    const elsewhere = key.scenario.id === '3.3' ? { step: '3.4.4' } : { step: '3.3.1' };
    expect(grade(name, elsewhere).correct).toBe(false);
  });

  it('refuses answers the runbook cannot mean, naming what is valid', () => {
    const refusal = (answer: DrillAnswer) => {
      try {
        validateAnswer(answer, runbook);
      } catch (error) {
        expect(error).toBeInstanceOf(AnswerError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(answer)}`);
    };
    expect(refusal({ step: '9.9.9' })).toMatch(/^Unknown step "9.9.9", expected one of: 3\.1\.1, 3\.1\.2, .*3\.6\.n1/);
    expect(refusal({})).toMatch(/^Missing --step/);
    expect(refusal({ step: '3.1.s1', cause: 'corrupt-json' })).toMatch(/3\.1\.s1 is a symptom of 3\.1/);
    expect(refusal({ step: '3.1.c2' })).toMatch(/--cause corrupt-json/);
    expect(refusal({ step: '3.1.3' })).toBe('Missing --cause: scenario 3.1 lists common causes, name one of: schema-mismatch, corrupt-json, memory-configuration-too-low');
    expect(refusal({ step: '3.1.3', cause: 'bad-luck' })).toBe('Unknown cause "bad-luck" for scenario 3.1, expected one of: schema-mismatch, corrupt-json, memory-configuration-too-low');
    expect(refusal({ step: '3.3.1', cause: 'corrupt-json' })).toMatch(/^Unexpected --cause: scenario 3\.3 lists no common causes/);
  });
});
