import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { importCheck } from '../src/catalog/load-check';
import { validateConfig } from '../src/config';
import type { StepOutcome } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { selectSteps } from '../src/runner/select';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { faultClasses, type FaultClass } from './support/fault-classes';
import { root, runInWorld } from './support/project';

/** The `uses` prefixes served by the sandbox over HTTP: a check that uses none (dbt's local files) is out of the faults' reach. */
const sandboxServices = new Set(['s3', 'sfn', 'glue', 'logs', 'iam', 'dynamodb', 'snowflake', 'airflow', 'github', 'cloudtrail', 'cloudwatch', 'events', 'sns', 'budgets']);
/** How an error names its service and operation: `Step Functions ListExecutions: …`, `GitHub GET /repos/…: …`. */
const namesServiceAndOperation = /(S3|Step Functions|Glue|CloudWatch Logs|CloudWatch|IAM|DynamoDB|CloudTrail|EventBridge|SNS|Budgets|Snowflake|Airflow|GitHub) [\w/{}. -]+: /;

let sandbox: Sandbox;
/** Per step with a check: whether its check calls a sandbox service. */
const reachable = new Map<string, boolean>();

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  const { runbook } = await loadRunbook(defaultLayout(root));
  for (const step of selectSteps(runbook, [])) {
    if (!step.check) continue;
    const check = await importCheck(root, step.check.modulePath, (file) => import(file));
    reachable.set(step.id, check.uses.some((use) => sandboxServices.has(use.split(':')[0]!)));
  }
});
afterAll(() => sandbox?.stop());

/** What one step owes under a fault class, or null when it holds; with the reason, for the report. */
function judge(fault: FaultClass, outcome: StepOutcome, baseline: StepOutcome): string | null {
  const owed = fault.kind === 'transient' || !reachable.get(outcome.step) ? baseline.status : 'error';
  if (outcome.status !== owed) return `${outcome.step} under "${fault.name}": expected ${owed}, got ${outcome.status}: ${outcome.summary}`;
  if (owed === 'error' && baseline.status !== 'error') {
    if (!namesServiceAndOperation.test(outcome.summary)) return `${outcome.step} under "${fault.name}": the error does not name a service and operation: ${outcome.summary}`;
    if (fault.says && !fault.says.test(outcome.summary)) return `${outcome.step} under "${fault.name}": the error does not say what to do (${fault.says}): ${outcome.summary}`;
  }
  return null;
}

/** The worlds the matrix runs in: every scenario in the healthy one, and incidents whose checks must still fail after a retry. */
const worlds: Array<{ world: string; selection: string[] }> = [
  { world: 'healthy', selection: [] },
  { world: 'glue-corrupt-json', selection: ['3.1'] },
  // Its Airflow steps: the Snowflake and dbt ones of 3.5 run in the healthy world (the driver's own retries are slow).
  { world: 'airflow-dbt-task-failed', selection: ['3.5.s1', '3.5.s2', '3.5.1', '3.5.2', '3.5.3', '3.5.4'] },
  { world: 'terraform-drift', selection: ['3.6'] },
];

describe('the fault matrix: every check under every fault class', () => {
  it('gives the world’s own verdict after a retry for transient faults, and error (never pass or fail) for lasting ones', async () => {
    const problems: string[] = [];
    let passed = 0;
    for (const { world, selection } of worlds) {
      await sandbox.loadWorld(world);
      const baseline = await runInWorld(world, selection, { sandboxUrl: sandbox.url });
      const byStep = new Map(baseline.results.map((r) => [r.step, r]));
      expect(baseline.totals.error, `${world} runs without errors`).toBe(0);
      for (const fault of faultClasses) {
        sandbox.setFaults(fault.faults);
        const started = Date.now();
        const report = await runInWorld(world, selection, { sandboxUrl: sandbox.url, ...(fault.config ? { config: fault.config(validateConfig(projectConfig)) } : {}) });
        const cases = report.results.filter((r) => r.check);
        for (const outcome of cases) {
          const problem = judge(fault, outcome, byStep.get(outcome.step)!);
          if (problem) problems.push(`${world}: ${problem}`);
          else passed++;
        }
        const slowest = [...cases].sort((a, b) => b.durationMs - a.durationMs).slice(0, 2).map((r) => `${r.step} ${r.durationMs} ms`);
        console.log(`  ${world}, ${fault.name}: ${cases.length} checks in ${Date.now() - started} ms (slowest: ${slowest.join(', ')})`);
      }
      sandbox.setFaults([]);
    }
    console.log(`fault matrix: ${passed} passed, ${problems.length} failed`);
    expect(problems).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(reachable.size * 10);
  }, 420_000);
});
