import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import terraformStateLock from '../checks/dynamodb/terraform-state-lock';
import terraformWorkflowRun from '../checks/github/terraform-workflow-run';
import ciRolePermissions from '../checks/terraform/ci-role-permissions';
import planDrift from '../checks/terraform/plan-drift';
import planProtectedResources from '../checks/terraform/plan-protected-resources';
import planUnexpectedChanges from '../checks/terraform/plan-unexpected-changes';
import terraformApplyFailed from '../checks/github/terraform-apply-failed';
import { createRunMemo, type CheckContext, type CheckDefinition } from '../src/check-api';
import { createServiceClients } from '../src/clients';
import { validateConfig, type EnvironmentConfig } from '../src/config';
import type { CheckResult, RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { auditLogPath } from '../src/reporters/locations';
import { sandboxTargets } from '../src/runner/environment';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { generatePlans, type GeneratedPlans } from '../src/diagnostics/terraform/generated-plans.test-support';
import { terraformBinary, terraformSkipMessage } from '../src/diagnostics/terraform/terraform-cli.test-support';
import { customWorlds, evidenceOf } from './support/check-harness';
import { describeOutcomes, root } from './support/project';

const config = validateConfig(projectConfig);
const sandboxConfig = config.environments.sandbox!;
const realTerraform = path.resolve(root, '..', 'shared', 'real', 'terraform');
const terraformWorlds = ['healthy', 'terraform-drift', 'terraform-destroys-protected', 'terraform-ci-access-denied', 'terraform-stale-lock'];

/** Runs checks against a sandbox world with the runner's read-only clients, then hands back the sandbox's call log. */
async function inWorld<T>(world: string, work: (run: (check: CheckDefinition, env?: EnvironmentConfig) => Promise<CheckResult>, sandbox: Sandbox) => Promise<T>, worlds?: string): Promise<T> {
  const sandbox = await startSandbox({ world, ...(worlds ? { worldsDir: worlds } : {}) });
  const clients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  const context = (env: EnvironmentConfig): CheckContext => ({ environment: 'sandbox', config: env, clients, clock: { now: () => new Date() }, params: {}, signal: new AbortController().signal, log: () => undefined, memo: createRunMemo().forCheck(new AbortController().signal) });
  try {
    return await work(async (check, env = sandboxConfig) => {
      if (check.kind !== 'check') throw new Error(`${check.id} is an action`);
      return check.run(context(env));
    }, sandbox);
  } finally {
    await clients.close();
    await sandbox.stop();
  }
}

const lockKey = 'review-analytics-tfstate/platform/terraform.tfstate';
const lockPatch = (attributes: Record<string, unknown>) => ({ dynamodb: { tables: { 'terraform-state-lock': { items: { [lockKey]: attributes } } } } });
const runPatch = (run: Record<string, unknown>) => ({ github: { repositories: { 'review-analytics/platform-infra': { runs: { '7001': run } } } } });

describe('scenario 3.6 checks against the sandbox', () => {
  it.each(terraformWorlds)('in %s, the read-only checks send no mutating call and stay within 50 calls', async (world) => {
    await inWorld(world, async (run, sandbox) => {
      for (const check of [terraformApplyFailed, planUnexpectedChanges, terraformWorkflowRun, planProtectedResources, planDrift, ciRolePermissions, terraformStateLock]) await run(check);
      const calls = sandbox.calls.all();
      expect(calls.filter((c) => c.mutates)).toEqual([]);
      expect(calls.length).toBeLessThanOrEqual(50);
    });
  });

  it('3.6.1 names the failed job and step, quotes the error lines, and links the run', async () => {
    await inWorld('terraform-stale-lock', async (run) => {
      const result = await run(terraformWorkflowRun);
      expect(result.status).toBe('fail');
      expect(result.summary).toContain('in job plan, step "Terraform Plan": Error acquiring the state lock');
      const [excerpt] = evidenceOf(result, 'log excerpts') as Array<{ lines: string[] }>;
      expect(excerpt!.lines).toContain('│   Who:       runner@fv-az512-331');
      expect(excerpt!.lines.every((line) => !/^\d{4}-\d\d-\d\dT/.test(line))).toBe(true);
      expect(result.links[0]!.url).toMatch(/\/actions\/runs\/7002$/);
    });
  });

  it('3.6.1 and the plan checks skip, naming the setting, where github or terraform is not configured', async () => {
    await inWorld('healthy', async (run) => {
      const { github: _github, terraform: _terraform, ...bare } = sandboxConfig;
      for (const check of [terraformWorkflowRun, planProtectedResources, planDrift, terraformStateLock]) {
        const result = await run(check, bare);
        expect(result.status, check.id).toBe('skip');
        expect(result.summary).toMatch(/^not configured: environments\.sandbox\.(github|terraform)/);
      }
    });
  });

  it.skipIf(!existsSync(realTerraform))('reads a plan from a configured file: a real plan with drift fails 3.6.3 with its changed attributes', async () => {
    await inWorld('healthy', async (run) => {
      const env = { ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, plan: { file: path.join(realTerraform, 'precloud_aws_sqs_plan_drift_delete_create.json'), maxBytes: 1 << 24 } } };
      const drift = await run(planDrift, env);
      expect(drift.status).toBe('fail');
      expect(drift.summary).toBe('1 resource changed outside Terraform: aws_sqs_queue.test_tf_sqs_2 (tags)');
      const plan = await run(planProtectedResources, { ...env, terraform: { ...env.terraform, protectedTypes: ['aws_sqs_queue'] } });
      expect(plan.status).toBe('fail');
      expect(plan.summary).toContain('aws_sqs_queue.test_tf_sqs_2 (delete; delete_because_no_resource_config; protected by type aws_sqs_queue)');
    });
  });

  it('a configured plan file that is not a plan makes the plan checks throw a PlanFormatError (an error, not a fail)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-plan-'));
    writeFileSync(path.join(dir, 'plan.json'), '{"format_version":"2.0","planned_values":{}}');
    try {
      await inWorld('healthy', async (run) => {
        const env = { ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, plan: { file: path.join(dir, 'plan.json'), maxBytes: 1 << 20 } } };
        await expect(run(planDrift, env)).rejects.toMatchObject({ name: 'PlanFormatError', formatVersion: '2.0' });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an errored plan with no changes (OpenTofu\'s own plan-error output) makes every plan check warn that it is incomplete, never pass', async () => {
    const file = path.join(root, 'test', 'fixtures', 'real', 'terraform', 'opentofu_showjson_plan-error.json');
    await inWorld('healthy', async (run) => {
      const env = { ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, plan: { file, maxBytes: 1 << 20 } } };
      for (const check of [planProtectedResources, planDrift, planUnexpectedChanges]) {
        const result = await run(check, env);
        expect(result.status, check.id).toBe('warn');
        expect(result.summary, check.id).toContain('Terraform stopped planning at an error ("errored": true)');
      }
    });
  });

  it('a state document uploaded as the plan artifact is an error naming the artifact, the run and how to produce a plan', async () => {
    // A JSON merge patch over the healthy plan: null removes every key a plan has, leaving a state document.
    const planKeys = ['planned_values', 'resource_changes', 'resource_drift', 'prior_state', 'configuration', 'output_changes', 'errored', 'complete', 'applyable', 'timestamp'];
    const state = { format_version: '1.0', values: { root_module: {} }, ...Object.fromEntries(planKeys.map((key) => [key, null])) };
    const worlds = customWorlds({ 'state-as-plan': runPatch({ artifacts: { 'terraform-plan': { files: { 'plan.json': state } } } }) });
    try {
      await inWorld(
        'state-as-plan',
        async (run) =>
          expect(run(planProtectedResources)).rejects.toMatchObject({
            name: 'NotAPlanError',
            message: expect.stringMatching(/^plan\.json in artifact terraform-plan of run #\d+ is a Terraform state document .*terraform plan -out tfplan && terraform show -json tfplan$/),
          }),
        worlds,
      );
    } finally {
      rmSync(worlds, { recursive: true, force: true });
    }
  });

  it('the plan checks skip when the run uploaded no plan artifact, or it expired', async () => {
    const worlds = customWorlds({
      'no-artifact': runPatch({ artifacts: { 'terraform-plan': null } }),
      'expired-artifact': runPatch({ artifacts: { 'terraform-plan': { expired: true } } }),
    });
    try {
      await inWorld('no-artifact', async (run) => expect(await run(planDrift)).toMatchObject({ status: 'skip', summary: expect.stringContaining('uploaded no artifact named terraform-plan') }), worlds);
      await inWorld('expired-artifact', async (run) => expect(await run(planProtectedResources)).toMatchObject({ status: 'skip', summary: expect.stringContaining('has expired') }), worlds);
    } finally {
      rmSync(worlds, { recursive: true, force: true });
    }
  });

  it('the state lock check passes a young lock, warns on an unreadable one, and fails a missing table', async () => {
    const worlds = customWorlds({
      'fresh-lock': lockPatch({ Info: { ID: 'abc', Operation: 'OperationTypePlan', Who: 'runner@fv-az1-1', Version: '1.9.8', Created: 'now-5m', Path: lockKey } }),
      'unreadable-lock': lockPatch({ Info: 'not json' }),
      'no-lock-table': { dynamodb: { tables: { 'terraform-state-lock': null } } },
    });
    try {
      await inWorld('fresh-lock', async (run) => expect(await run(terraformStateLock)).toMatchObject({ status: 'pass', summary: '1 lock held for less than 60 min: a Terraform run is in progress' }), worlds);
      await inWorld('unreadable-lock', async (run) => expect(await run(terraformStateLock)).toMatchObject({ status: 'warn', summary: expect.stringContaining('the lock item Info is not JSON') }), worlds);
      await inWorld('no-lock-table', async (run) => expect(await run(terraformStateLock)).toMatchObject({ status: 'fail', summary: 'lock table terraform-state-lock does not exist: Terraform runs without state locking' }), worlds);
    } finally {
      rmSync(worlds, { recursive: true, force: true });
    }
  });

  it('the stale lock verdict names the holder, operation, lock ID and age', async () => {
    await inWorld('terraform-stale-lock', async (run) => {
      const result = await run(terraformStateLock);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/held by runner@fv-az512-331 for 300 min \(OperationTypeApply, lock ID 9db590f1-b6fe-c5f2-2678-8804f089deba\)/);
      expect(evidenceOf(result, 'locks')).toEqual([expect.objectContaining({ who: 'runner@fv-az512-331', operation: 'OperationTypeApply', ageMinutes: 300 })]);
    });
  });

  it('3.6.4 reports simulation denials and log denials separately, and notes when no role is configured', async () => {
    await inWorld('terraform-ci-access-denied', async (run) => {
      const result = await run(ciRolePermissions);
      expect(result.status).toBe('fail');
      expect(evidenceOf(result, 'denied by simulation')).toEqual([{ action: 'glue:UpdateJob', decision: 'explicitDeny', addresses: ['aws_glue_job.transform'] }]);
      const withoutRole = await run(ciRolePermissions, { ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, ciRoleArn: undefined } });
      expect(withoutRole.status).toBe('fail');
      expect(withoutRole.summary).toBe("the failed run's log shows 1 access denial (glue:UpdateJob)");
    });
    await inWorld('healthy', async (run) => {
      const result = await run(ciRolePermissions, { ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, ciRoleArn: undefined } });
      expect(result).toMatchObject({ status: 'pass', summary: expect.stringContaining('policy simulation skipped: terraform.ciRoleArn is not configured') });
    });
  });
});

async function runWithCalls(world: string, selection: string[], options: { fix?: boolean; runRoot?: string } = {}) {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, selection);
  let calls: ReturnType<Sandbox['calls']['all']> = [];
  const report: RunReport = await runSteps({
    root: options.runRoot ?? root,
    config,
    steps,
    scenarios: runbook.scenarios.map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection,
    environment: 'sandbox',
    world,
    fix: options.fix ?? false,
    loadModule: (file) => import(file),
    inspectSandbox: (sandbox) => {
      calls = sandbox.calls.all();
    },
  });
  return { report, calls };
}

describe('the 3.6.5 re-run action', () => {
  it('without --fix is a dry run that names the run and sends no mutating call', async () => {
    const { report, calls } = await runWithCalls('terraform-drift', ['3.6.5']);
    expect(report.results[0]).toMatchObject({ step: '3.6.5', kind: 'action', status: 'skip', summary: expect.stringContaining('would re-run the failed jobs of review-analytics/platform-infra run #7002') });
    expect(calls.filter((c) => c.mutates)).toEqual([]);
  });

  it('with --fix re-runs the failed jobs once, in CI, and the audit log records it', async () => {
    const runRoot = mkdtempSync(path.join(os.tmpdir(), 'runbook-root-'));
    symlinkSync(path.join(root, 'checks'), path.join(runRoot, 'checks'), 'dir');
    try {
      const { report, calls } = await runWithCalls('terraform-drift', ['3.6.5'], { fix: true, runRoot });
      expect(report.results[0], describeOutcomes(report)).toMatchObject({ status: 'pass', summary: 're-run requested: run #7002 attempt 2 is queued; follow it in GitHub Actions' });
      expect(calls.filter((c) => c.mutates).map((c) => c.operation)).toEqual(['ReRunWorkflowFailedJobs']);
      const audit = readFileSync(path.join(runRoot, auditLogPath), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(audit).toEqual([expect.objectContaining({ phase: 'started', step: '3.6.5', check: 'rerun-failed-jobs' }), expect.objectContaining({ phase: 'finished', status: 'pass' })]);
    } finally {
      rmSync(runRoot, { recursive: true, force: true });
    }
  });

  it('in a healthy world there is nothing to re-run', async () => {
    const { report } = await runWithCalls('healthy', ['3.6.5'], { fix: true });
    expect(report.results[0]).toMatchObject({ status: 'pass', summary: 'the latest run #7001 ended success: nothing to re-run' });
  });

  it('no check of the runbook applies Terraform: no check module calls terraform apply', async () => {
    const { runbook } = await loadRunbook(defaultLayout(root));
    const modules = runbook.scenarios.flatMap((s) => s.steps).flatMap((s) => (s.check && existsSync(path.join(root, s.check.modulePath)) ? [s.check.modulePath] : []));
    expect(modules).toEqual(expect.arrayContaining(['checks/github/rerun-failed-jobs.ts', 'checks/dynamodb/terraform-state-lock.ts']));
    for (const module of modules) expect(readFileSync(path.join(root, module), 'utf8'), module).not.toMatch(/['"`]apply['"`]\s*[,\]]|terraform apply/);
  });
});

describe.skipIf(!terraformBinary)(`scenario 3.6 plan checks on plans the terraform binary wrote (${terraformBinary ?? terraformSkipMessage})`, () => {
  let plans: GeneratedPlans;
  beforeAll(() => {
    plans = generatePlans();
  }, 120_000);
  afterAll(() => plans?.remove());
  const withPlan = (file: string, extra: Partial<NonNullable<EnvironmentConfig['terraform']>> = {}): EnvironmentConfig => ({ ...sandboxConfig, terraform: { ...sandboxConfig.terraform!, ...extra, plan: { file, maxBytes: 1 << 22 } } });

  it('a plan Terraform stopped at an error warns in 3.6.2, 3.6.3, the symptom check and 3.6.4, naming the reason', async () => {
    await inWorld('healthy', async (run) => {
      for (const check of [planProtectedResources, planDrift, planUnexpectedChanges, ciRolePermissions]) {
        const result = await run(check, withPlan(plans.errored));
        expect(result, check.id).toMatchObject({ status: 'warn', summary: expect.stringContaining('"errored": true') });
      }
    });
  });

  it('a -target plan warns in 3.6.2 that it is incomplete', async () => {
    await inWorld('healthy', async (run) => expect(await run(planProtectedResources, withPlan(plans.targeted))).toMatchObject({ status: 'warn', summary: expect.stringContaining('"complete": false') }));
  });

  it('3.6.2 counts imports, forgets and moves, and warns on the failing check block', async () => {
    await inWorld('healthy', async (run) => {
      const result = await run(planProtectedResources, withPlan(plans.everyAction));
      expect(result.status).toBe('warn');
      expect(result.summary).toBe('the plan destroys no protected resource, but checks failed: check.health failed: keep is not b (1 to import, 1 to create, 2 to update, 2 to replace, 1 to delete, 1 to forget, 1 to read, 1 moved)');
    });
  });

  it('3.6.2 fails on deletes and both replace orders of a protected type, and warns (not fails) on a forget', async () => {
    await inWorld('healthy', async (run) => {
      const result = await run(planProtectedResources, withPlan(plans.everyAction, { protectedTypes: ['terraform_data'] }));
      expect(result.status).toBe('fail');
      const destroyed = (evidenceOf(result, 'protected resources destroyed') as Array<{ address: string; action: string; replaceOrder?: string }>).map((d) => [d.address, d.action, d.replaceOrder ?? null]);
      expect(destroyed).toEqual([
        ['terraform_data.gone', 'delete', null],
        ['terraform_data.replaced', 'replace', 'delete-first'],
        ['terraform_data.replaced_cbd', 'replace', 'create-first'],
      ]);
      const forgotten = await run(planProtectedResources, withPlan(plans.everyAction, { protectedTypes: ['terraform_data'], protectedAddresses: [] }));
      expect(evidenceOf(forgotten, 'forgotten (left standing, no longer managed)')).toEqual(['terraform_data.forgotten']);
    });
  });

  it.each(['state', 'emptyState', 'uiStream'] as const)('the %s document given as the plan is an error that says how to produce a plan', async (name) => {
    await inWorld('healthy', async (run) => {
      await expect(run(planDrift, withPlan(plans[name]))).rejects.toMatchObject({ name: 'NotAPlanError', message: expect.stringContaining('terraform plan -out tfplan && terraform show -json tfplan') });
    });
  });
});
