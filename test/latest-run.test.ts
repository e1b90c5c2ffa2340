import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';
import { openDrill, type Drill } from './support/drill';
import { describeOutcomes, outcomeOf } from './support/project';

let sandbox: Sandbox | undefined;
let drill: Drill | undefined;
afterEach(async () => {
  drill?.close();
  await sandbox?.stop();
  sandbox = drill = undefined;
});

/** A drill on a world whose re-runs take ten minutes of sandbox time: right after an action, its re-run is queued or running. */
async function slowDrill(world: string): Promise<Drill> {
  sandbox = await startSandbox({ world, workSeconds: 600 });
  drill = openDrill(sandbox);
  return drill;
}

describe('"latest" is the newest run in any state: one still queued or running is reported as such', () => {
  // Before: "the latest run #7001 ended success" from both, although #7002 was only queued and nothing was fixed.
  it('a queued GitHub re-run: 3.6.s1 and 3.6.1 say to wait for it, and 3.6.5 does not queue another', async () => {
    const d = await slowDrill('terraform-stale-lock');
    expect(outcomeOf(await d.run(['3.6.5'], { fix: true }), '3.6.5').status).toBe('pass');
    const report = await d.run(['3.6.s1', '3.6.1', '3.6.5'], { fix: true });
    for (const step of ['3.6.s1', '3.6.1']) {
      expect(outcomeOf(report, step), describeOutcomes(report)).toMatchObject({ status: 'warn', summary: 're-run #7002 attempt 2 is queued: wait for it; its outcome is not known yet' });
    }
    expect(outcomeOf(report, '3.6.5')).toMatchObject({ status: 'skip', summary: 're-run #7002 attempt 2 is queued: it is running already, wait for it before re-running' });
  });

  // Before: 3.1.s1 passed on the execution of the day before, 3.1.s2 failed on the run the redrive replaces.
  it('a redriven Step Functions execution and its Glue job run: both reported running, and no second redrive', async () => {
    const d = await slowDrill('glue-corrupt-json');
    expect(outcomeOf(await d.run(['3.1.5'], { fix: true }), '3.1.5').status).toBe('pass');
    const report = await d.run(['3.1.s1', '3.1.s2', '3.1.1', '3.1.5'], { fix: true });
    expect(outcomeOf(report, '3.1.s1'), describeOutcomes(report)).toMatchObject({ status: 'warn' });
    expect(outcomeOf(report, '3.1.s1').summary).toMatch(new RegExp(`^execution ${dated('daily-{now-2h:YYYY-MM-DD}')} is RUNNING \\(redrive 1, since .*\\): wait for it`));
    expect(outcomeOf(report, '3.1.s2').summary).toMatch(/^Glue job arai-raw-to-processed run jr_\w+ is RUNNING \(started .*\): wait for it/);
    expect(outcomeOf(report, '3.1.s2').status).toBe('warn');
    expect(outcomeOf(report, '3.1.1').status).toBe('warn');
    expect(outcomeOf(report, '3.1.5')).toMatchObject({ status: 'warn', summary: expect.stringMatching(new RegExp(`^execution ${dated('daily-{now-2h:YYYY-MM-DD}')} is RUNNING`)) });
    expect(sandbox!.calls.all().filter((c) => c.operation === 'RedriveExecution')).toHaveLength(1);
  });

  // Before: 3.5.s1 passed "is queued" and 3.5.s2 passed "dbt_build is not yet scheduled".
  it('a cleared Airflow task whose run is queued again: the symptoms say to wait for it', async () => {
    const d = await slowDrill('airflow-dbt-task-failed');
    expect(outcomeOf(await d.run(['3.5.4'], { fix: true }), '3.5.4').status).toBe('pass');
    const report = await d.run(['3.5.s1', '3.5.s2', '3.5.2', '3.5.4'], { fix: true });
    for (const step of ['3.5.s1', '3.5.s2', '3.5.2']) {
      expect(outcomeOf(report, step), describeOutcomes(report)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/^the latest run of amazon_reviews_dbt \(scheduled__.*\) is queued: wait for it/) });
    }
    expect(outcomeOf(report, '3.5.4')).toMatchObject({ status: 'skip', summary: expect.stringMatching(/is queued: it is running already, wait for it before clearing again$/) });
  });
});
