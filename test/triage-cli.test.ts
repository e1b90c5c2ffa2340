import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../src/cli/triage/triage-result';
import { check, describeRun } from './support/cli';

describe.concurrent('npm run check -- triage, as a spawned process', { timeout: 180_000 }, () => {
  it('in healthy reports no active incident, names no command, and exits 0', async () => {
    const run = await check('triage', '--no-save');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^Triage: 15 symptom checks across the runbook {2}env sandbox · world healthy$/m);
    expect(run.stdout).toContain('No active incident: no scenario shows a symptom.');
    expect(run.stdout).not.toContain('Next:');
  });

  it('--json gives the ranking as data, with the evidence that matched and the command for the top scenario; exit 1', async () => {
    const run = await check('triage', '--world', 'auto-refresh-off', '--json', '--no-save');
    expect(run.code, describeRun(run)).toBe(1);
    const triage = JSON.parse(run.stdout) as TriageResult;
    expect(triage).toMatchObject({ version: 1, kind: 'triage', environment: 'sandbox', world: 'auto-refresh-off', activeIncident: true, checked: 15 });
    expect(triage.ranking.map((r) => [r.rank, r.scenario.id, r.coverage, r.score])).toEqual([[1, '3.3', 1, 2]]);
    expect(triage.ranking[0]!.matched.map((m) => [m.step, m.check, m.status])).toEqual([
      ['3.3.s1', 'files-newer-than-table', 'fail'],
      ['3.3.s2', 'external-table-unregistered-files', 'fail'],
    ]);
    expect(triage.ranking[0]!.matched[1]!.evidence).toEqual(expect.arrayContaining([{ label: 'unregistered files', value: 3 }]));
    expect(triage.next).toEqual({ scenario: '3.3', command: 'npm run check -- 3.3 --world auto-refresh-off' });
  });

  it('--then-run runs the top scenario after the ranking, in the same invocation', async () => {
    const run = await check('triage', '--world', 'sfn-iam-denied', '--then-run', '--no-save');
    expect(run.code, describeRun(run)).toBe(1);
    const ranking = run.stdout.indexOf(' 1. 3.2 Step Functions Failure (severity: high)');
    const second = run.stdout.indexOf(' 2. 3.1 Glue Job Failure (severity: high)');
    const next = run.stdout.indexOf('Next: npm run check -- 3.2 --world sfn-iam-denied');
    const scenarioRun = run.stdout.indexOf('3.2 Step Functions Failure (severity: high)  env sandbox · world sfn-iam-denied');
    expect([ranking, second, next, scenarioRun].every((at) => at >= 0), describeRun(run)).toBe(true);
    expect(ranking < second && second < next && next < scenarioRun).toBe(true);
    expect(run.stdout).toMatch(/^ {2}FAIL {2}3\.2\.4 {3}Check IAM role permissions/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/);
  });

  it('rejects a scenario after triage, and --then-run without triage, with exit 2', async () => {
    const [extra, alone] = await Promise.all([check('triage', '3.3', '--no-save'), check('3.3', '--then-run', '--no-save')]);
    expect(extra.code, describeRun(extra)).toBe(2);
    expect(extra.stderr).toContain('Unexpected 3.3 after triage: triage looks at every scenario; to run one, npm run check -- 3.3');
    expect(alone.code, describeRun(alone)).toBe(2);
    expect(alone.stderr).toContain('--then-run goes with triage: npm run check -- triage --then-run');
  });
});
