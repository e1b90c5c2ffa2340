import { describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { importCheck } from '../src/catalog/load-check';
import { validateConfig, type RunbookConfig } from '../src/config';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { selectSteps } from '../src/runner/select';
import { describeOutcomes, root, runInWorld } from './support/project';

const selection = ['3.1', '3.2'];

/** The project's configuration with AWS calls that give up after `awsTimeoutMs`, and an optional run deadline. */
function configWith(awsTimeoutMs: number, runDeadlineSeconds?: number): RunbookConfig {
  const config = validateConfig(projectConfig);
  const sandbox = config.environments.sandbox!;
  return { ...config, ...(runDeadlineSeconds ? { runDeadlineSeconds } : {}), environments: { ...config.environments, sandbox: { ...sandbox, aws: { ...sandbox.aws!, timeoutMs: awsTimeoutMs } } } };
}

/** The steps of the selection whose checks call Step Functions. */
async function stepsUsingSfn(): Promise<Set<string>> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const using = new Set<string>();
  for (const step of selectSteps(runbook, selection)) {
    if (!step.check) continue;
    const check = await importCheck(root, step.check.modulePath, (file) => import(file));
    if (check.uses.some((use) => use.startsWith('sfn:'))) using.add(step.id);
  }
  return using;
}

const hangSfn = [{ service: 'sfn', effect: { kind: 'hang' as const } }];

describe('a hang costs seconds, not minutes', () => {
  it('a hang of Step Functions alone: 3.1 and 3.2 end within the deadline, every check that does not call it keeps its verdict', async () => {
    const baseline = await runInWorld('healthy', selection);
    const sfnSteps = await stepsUsingSfn();
    const started = Date.now();
    const report = await runInWorld('healthy', selection, { config: configWith(2_000, 10), sandboxFaults: hangSfn });
    const seconds = (Date.now() - started) / 1000;
    console.log(`hang on Step Functions: 3.1+3.2 ended in ${seconds.toFixed(1)} s (deadline 10 s)`);
    expect(seconds).toBeLessThan(10);
    for (const outcome of report.results.filter((r) => r.check)) {
      const before = baseline.results.find((r) => r.step === outcome.step)!;
      if (sfnSteps.has(outcome.step)) {
        expect(outcome.status, `${outcome.step}\n${describeOutcomes(report)}`).toBe('error');
        expect(outcome.summary).toMatch(/Step Functions \w+: .*(did not answer|no answer|timed out)/);
      } else expect(outcome.status, `${outcome.step} does not call Step Functions\n${describeOutcomes(report)}`).toBe(before.status);
    }
  }, 60_000);

  it('checks run one at a time still wait out the hang once: the breaker fails the later Step Functions calls at once', async () => {
    const started = Date.now();
    const report = await runInWorld('healthy', selection, { config: configWith(2_000), sandboxFaults: hangSfn, concurrency: 1 });
    const seconds = (Date.now() - started) / 1000;
    const broken = report.results.filter((r) => /not sent: Step Functions did not answer within 2 s/.test(r.summary));
    expect(broken.length, describeOutcomes(report)).toBeGreaterThan(3);
    expect(seconds, describeOutcomes(report)).toBeLessThan(8);
  }, 60_000);

  it('the run’s deadline ends what is still waiting as error, and the report is still produced', async () => {
    const started = Date.now();
    const report = await runInWorld('healthy', selection, { config: configWith(60_000), sandboxFaults: hangSfn, deadlineSeconds: 3 });
    expect((Date.now() - started) / 1000).toBeLessThan(8);
    const late = report.results.filter((r) => r.status === 'error' && /the run's deadline of 3 s passed/.test(r.summary));
    expect(late.length, describeOutcomes(report)).toBeGreaterThan(0);
    const glue = report.results.find((r) => r.step === '3.1.s2')!;
    expect(glue.status, describeOutcomes(report)).toBe('pass');
  }, 60_000);
});
