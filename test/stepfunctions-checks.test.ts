import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { validateConfig } from '../src/config';
import type { CheckResult, JsonValue, RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { auditLogPath } from '../src/reporters/locations';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import rerunExecution from '../checks/stepfunctions/rerun-execution';
import { createRunMemo, isVerdict, type CheckContext } from '../src/check-api';
import { createServiceClients } from '../src/clients';
import { sandboxTargets } from '../src/runner/environment';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { worldsDir } from '../src/sandbox/world/load-world';
import { describeOutcomes, root } from './support/project';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';

const config = validateConfig(projectConfig);

/** Runs the real runbook's selection in a world, as the CLI does, and returns the report and the sandbox's call log. */
async function runWithCalls(world: string, selection: string[], options: { fix?: boolean; runRoot?: string; params?: Record<string, string> } = {}) {
  const { runbook } = await loadRunbook(defaultLayout(root));
  let calls: ReturnType<Sandbox['calls']['all']> = [];
  const report: RunReport = await runSteps({
    root: options.runRoot ?? root,
    config,
    steps: selectSteps(runbook, selection),
    scenarios: runbook.scenarios.map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection,
    environment: 'sandbox',
    world,
    fix: options.fix ?? false,
    params: options.params ?? {},
    loadModule: (file) => import(file),
    inspectSandbox: (sandbox) => {
      calls = sandbox.calls.all();
    },
  });
  return { report, calls };
}

const outcome = (report: RunReport, step: string) => report.results.find((r) => r.step === step)!;
const evidenceOf = (result: Pick<CheckResult, 'evidence'>, label: string): JsonValue | undefined => result.evidence.find((e) => e.label === label)?.value;

describe('the sfn-iam-denied world', () => {
  it('3.2.2 names the failed state and its error, and 3.2.4 names the denied action and the state that needs it', async () => {
    const { report, calls } = await runWithCalls('sfn-iam-denied', ['3.2.2', '3.2.4']);
    const failedState = outcome(report, '3.2.2');
    expect(failedState.status, describeOutcomes(report)).toBe('fail');
    expect(evidenceOf(failedState, 'failed state')).toMatchObject({ name: 'RawToProcessed', type: 'Task', event: 'TaskFailed' });
    expect(evidenceOf(failedState, 'error')).toBe('Glue.AWSGlueException');
    const permissions = outcome(report, '3.2.4');
    expect(permissions.status).toBe('fail');
    const denied = evidenceOf(permissions, 'denied') as Array<{ action: string; resource: string; decision: string; states: string[] }>;
    expect(denied).toContainEqual({ action: 'glue:StartJobRun', resource: 'arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed', decision: 'implicitDeny', states: ['RawToProcessed'], matchedPolicies: [] });
    expect(denied.every((d) => d.action === 'glue:StartJobRun')).toBe(true);
    expect(calls.filter((c) => c.service === 'iam').map((c) => c.operation)).toEqual(['SimulatePrincipalPolicy', 'SimulatePrincipalPolicy']);
    expect(calls.filter((c) => c.mutates)).toEqual([]);
  });
});

describe('the sfn-glue-job-misconfigured world', () => {
  it('3.2.2 follows the failed Glue run from the cause, 3.2.3 shows the last good output, 3.2.5 names the missing script', async () => {
    const { report } = await runWithCalls('sfn-glue-job-misconfigured', ['3.2.2', '3.2.3', '3.2.5']);
    const failedState = outcome(report, '3.2.2');
    expect(evidenceOf(failedState, 'glue job run')).toMatchObject({ id: 'jr_badc0de0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5', jobName: 'arai-processed-compact', state: 'FAILED' });
    expect(failedState.links.map((l) => l.label)).toContain('Glue job run jr_badc0de0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5');
    const payload = outcome(report, '3.2.3');
    expect(payload.status, describeOutcomes(report)).toBe('pass');
    expect(evidenceOf(payload, 'last successful output')).toMatchObject({ state: 'RawToProcessed', output: { run_date: dated('{now-2h:YYYY-MM-DD}'), rawToProcessed: { JobRunState: 'SUCCEEDED' } } });
    const jobs = outcome(report, '3.2.5');
    expect(jobs).toMatchObject({ status: 'fail', summary: 'CompactProcessed → arai-processed-compact: Glue job arai-processed-compact: its script s3://arai-artifacts/glue/processed_compact_v2.py does not exist' });
  });
});

describe('3.2.3 with required keys the input lacks', () => {
  it('fails and lists the missing keys', async () => {
    const strict = { ...config, environments: { ...config.environments, sandbox: { ...config.environments.sandbox!, pipeline: { ...config.environments.sandbox!.pipeline!, requiredInputKeys: ['run_date', 'source_system'] } } } };
    const { runbook } = await loadRunbook(defaultLayout(root));
    const report = await runSteps({ root, config: strict, steps: selectSteps(runbook, ['3.2.3']), scenarios: [], selection: ['3.2.3'], environment: 'sandbox', world: 'sfn-iam-denied', loadModule: (file) => import(file) });
    expect(report.results[0]).toMatchObject({ status: 'fail', summary: 'the input of RawToProcessed lacks source_system' });
  });
});

describe('the 3.1.5 re-run action', () => {
  it('without --fix says it would redrive the failed execution and changes nothing', async () => {
    const { report, calls } = await runWithCalls('glue-corrupt-json', ['3.1.5']);
    expect(report.results[0]).toMatchObject({ kind: 'action', status: 'skip', summary: `dry run: would redrive execution daily-${dated('{now-2h:YYYY-MM-DD}')} from its failed state (RedriveExecution); run again with --fix to do it` });
    expect(calls.filter((c) => c.mutates)).toEqual([]);
  });

  it('with --fix redrives it, logs one mutation and writes the audit record', async () => {
    const runRoot = mkdtempSync(path.join(os.tmpdir(), 'runbook-root-'));
    symlinkSync(path.join(root, 'checks'), path.join(runRoot, 'checks'), 'dir');
    try {
      const { report, calls } = await runWithCalls('glue-corrupt-json', ['3.1.5'], { fix: true, runRoot });
      expect(report.results[0]!.status, describeOutcomes(report)).toBe('pass');
      expect(report.results[0]!.summary).toMatch(new RegExp(`^redrove daily-${dated('{now-2h:YYYY-MM-DD}')} at `));
      expect(calls.filter((c) => c.mutates).map((c) => c.operation)).toEqual(['RedriveExecution']);
      const audit = readFileSync(path.join(runRoot, auditLogPath), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(audit).toEqual([
        expect.objectContaining({ phase: 'started', step: '3.1.5', check: 'rerun-execution', world: 'glue-corrupt-json' }),
        expect.objectContaining({ phase: 'finished', step: '3.1.5', status: 'pass' }),
      ]);
    } finally {
      rmSync(runRoot, { recursive: true, force: true });
    }
  });

  it('skips with nothing to re-run in the healthy world', async () => {
    const { report } = await runWithCalls('healthy', ['3.1.5'], { fix: true });
    expect(report.results[0]).toMatchObject({ status: 'skip', summary: 'no failed execution of arai-ingestion in the last 24h' });
  });
});

describe('the 3.1.5 re-run action on an execution that cannot be redriven', () => {
  it('starts a new execution with the same input instead', async () => {
    const worlds = mkdtempSync(path.join(os.tmpdir(), 'runbook-worlds-'));
    try {
      cpSync(path.join(worldsDir, 'healthy'), path.join(worlds, 'healthy'), { recursive: true });
      cpSync(path.join(worldsDir, 'glue-corrupt-json'), path.join(worlds, 'stale'), { recursive: true });
      writeFileSync(path.join(worlds, 'stale', 'sfn.json'), JSON.stringify({ stateMachines: { 'arai-ingestion': { executions: { 'daily-{now-2h:YYYY-MM-DD}': { ...JSON.parse(readFileSync(path.join(worldsDir, 'glue-corrupt-json', 'sfn.json'), 'utf8')).stateMachines['arai-ingestion'].executions['daily-{now-2h:YYYY-MM-DD}'], redrivable: false } } } } }));
      const sandbox = await startSandbox({ world: 'stale', worldsDir: worlds });
      const sandboxConfig = config.environments.sandbox!;
      const readOnly = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
      const writable = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: false });
      const ctx = (clients: typeof readOnly): CheckContext => ({ environment: 'sandbox', config: sandboxConfig, clients, clock: { now: () => new Date() }, params: {}, signal: new AbortController().signal, log: () => undefined, memo: createRunMemo().forCheck(new AbortController().signal) });
      try {
        if (rerunExecution.kind !== 'action') throw new Error('rerun-execution is an action');
        const plan = await rerunExecution.plan(ctx(readOnly));
        if (isVerdict(plan)) throw new Error(`no plan: ${plan.summary}`);
        expect(plan.description).toBe(`start a new execution of arai-ingestion with the input of daily-${dated('{now-2h:YYYY-MM-DD}')} (The state machine definition was updated after the execution started)`);
        const result = await rerunExecution.apply(ctx(writable), plan);
        expect(result.status).toBe('pass');
        const mutations = sandbox.calls.mutations();
        expect(mutations.map((c) => c.operation)).toEqual(['StartExecution']);
        const started = sandbox.states.sfn.stateMachines.get('arai-ingestion')!.executions.get(String(evidenceOf(result, 'execution')).split(':').pop()!)!;
        expect(started.spec.input).toEqual({ run_date: dated('{now-2h:YYYY-MM-DD}'), input_path: `s3://arai-raw/reviews/ingest=${dated('{now-2h:YYYY-MM-DD}')}/`, partition_path: `s3://arai-processed/reviews/${dated('year={now-2h:YYYY}/month={now-2h:MM}/day={now-2h:DD}')}/` });
      } finally {
        await Promise.all([readOnly.close(), writable.close()]);
        await sandbox.stop();
      }
    } finally {
      rmSync(worlds, { recursive: true, force: true });
    }
  });
});

describe('--param executionArn', () => {
  it('points 3.2.1 at the named execution instead of the most recent failed one', async () => {
    const executionArn = `arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:daily-${dated('{now-26h:YYYY-MM-DD}')}`;
    const { report } = await runWithCalls('healthy', ['3.2.1'], { params: { executionArn } });
    expect(report.results[0]).toMatchObject({ status: 'pass', summary: `open execution daily-${dated('{now-26h:YYYY-MM-DD}')} (SUCCEEDED): no error name` });
    expect(report.results[0]!.links[0]!.url).toBe(`https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/${executionArn}`);
  });
});
