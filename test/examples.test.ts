import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { runsDir } from '../src/results/store-layout';
import { describeRun, runCommand } from './support/cli';
import { root } from './support/project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-examples-'));
/** The posture sections the daily runs select. */
const postureSections = ['5', '6', '7'];
/** Whether the runbook reads sections 5 to 7 as scenarios (issue 14, part 1): the posture runs can only be run once it does. */
const postureParsed = (await loadRunbook(defaultLayout(root))).runbook.scenarios.some((s) => s.id === '7');
const postureSkip = postureParsed ? '' : ' (skipped: the runbook does not read sections 5 to 7 as scenarios yet)';
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Every `npm run [-s] NAME` in a shell text: the scripts it runs. */
const npmScripts = (text: string) => [...text.matchAll(/\bnpm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!);

/** Replaces `${{ expression }}` (GitHub) or `{{ name }}` (Jinja) with known values; an unknown one fails the test. */
function render(text: string, values: Record<string, string>, pattern: RegExp): string {
  return text.replace(pattern, (_match, expression: string) => {
    const key = expression.trim();
    if (!(key in values)) throw new Error(`the example uses ${key}, which the test does not know`);
    return values[key]!;
  });
}

interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule: Array<{ cron: string }>; workflow_dispatch: { inputs: { environment: { default: string } } } };
  env: Record<string, string>;
  jobs: Record<string, { needs?: string; if?: string; steps: WorkflowStep[] }>;
}

describe('the scheduled GitHub Actions workflow (examples/github-actions/runbook-checks.yml)', () => {
  const workflow = YAML.parse(readFileSync(path.join(root, 'examples/github-actions/runbook-checks.yml'), 'utf8')) as Workflow;
  const steps = workflow.jobs.checks!.steps;
  const runStep = steps.find((s) => s.id === 'run')!;
  const verdictStep = steps.at(-1)!;

  /** Runs one step's script as GitHub runs `run:` (bash -eo pipefail), its expressions filled in. */
  const runScript = (step: WorkflowStep, values: Record<string, string>, env: Record<string, string>) =>
    runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', render(step.run!, values, /\$\{\{([^}]+)\}\}/g)], { env });

  it('runs on a schedule and on demand, against an environment, with read-only credentials only', () => {
    expect(workflow.on.schedule[0]!.cron.split(' ')).toHaveLength(5);
    expect(workflow.on.workflow_dispatch.inputs.environment.default).toBe('prod');
    expect(workflow.env.RUNBOOK_ENV).toBe("${{ inputs.environment || 'prod' }}");
    expect(runStep.run).not.toContain('--fix');
  });

  it('uploads the reports whatever the checks found, builds the site with the results, publishes it, and fails last', () => {
    const names = steps.map((s) => s.uses?.split('@')[0] ?? s.id ?? s.name);
    expect(names.indexOf('run')).toBeLessThan(names.indexOf('actions/upload-artifact'));
    expect(names.indexOf('actions/upload-artifact')).toBeLessThan(names.indexOf('Build the site with the results'));
    expect(names.indexOf('actions/upload-pages-artifact')).toBe(names.length - 2);
    for (const step of steps.slice(names.indexOf('actions/upload-artifact'), -1)) expect(step.if, step.name ?? step.uses).toBe('always()');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with!.path).toBe('${{ runner.temp }}/runbook-reports/');
    expect(verdictStep.if).toBe("steps.run.outputs.exit-code != '0'");
    expect(workflow.jobs['publish-site']).toMatchObject({ needs: 'checks', if: '${{ !cancelled() }}' });
    expect(workflow.jobs['publish-site']!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('runs only npm scripts the package has', () => {
    const used = steps.flatMap((s) => (s.run ? npmScripts(s.run) : []));
    expect([...new Set(used)].sort()).toEqual(['build', 'check']);
    for (const name of used) expect(scripts[name], name).toBeDefined();
  });

  it('its check step, run as written against the sandbox, writes the three reports and the job summary and keeps the exit code for the last step', async () => {
    const dir = path.join(tmp, 'gha-ok');
    const output = path.join(tmp, 'gha-ok.output');
    const summary = path.join(tmp, 'gha-ok.summary');
    writeFileSync(output, '');
    const env = { RUNBOOK_ENV: 'sandbox', RUNNER_TEMP: dir, GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    const run = await runScript(runStep, {}, env);
    expect(run.code, describeRun(run)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=0\n');
    expect(readdirSync(path.join(dir, 'runbook-reports')).sort()).toEqual(['junit.xml', 'report.md', 'results.json']);
    expect((JSON.parse(readFileSync(path.join(dir, 'runbook-reports', 'results.json'), 'utf8')) as RunReport).environment).toBe('sandbox');
    expect(readFileSync(summary, 'utf8')).toMatch(/^# Runbook check: all scenarios/m);
    const verdict = await runScript(verdictStep, { 'steps.run.outputs.exit-code': '0' }, {});
    expect(verdict.code).toBe(0);
  }, 300_000);

  it('runs the posture sections daily: the daily schedule selects 5 6 7, the hourly one and a manual run every scenario', () => {
    const crons = workflow.on.schedule.map((s) => s.cron);
    expect(crons).toEqual(['17 * * * *', '41 5 * * *']);
    expect(workflow.env.RUNBOOK_SELECTION).toBe(`\${{ github.event.schedule == '${crons[1]}' && '${postureSections.join(' ')}' || '' }}`);
    expect(runStep.run).toContain('npm run -s check -- $RUNBOOK_SELECTION --env "$RUNBOOK_ENV"');
  });

  it('keeps the results store between runs, so the site shows the daily posture verdicts next to the hourly ones', () => {
    const restore = steps.find((s) => s.uses?.startsWith('actions/cache/restore'))!;
    const save = steps.find((s) => s.uses?.startsWith('actions/cache/save'))!;
    expect(path.posix.join(String(restore.with!.path), 'runs')).toBe(runsDir);
    expect(save.with).toMatchObject({ path: restore.with!.path, key: restore.with!.key });
    expect(String(restore.with!['restore-keys'])).toBe(String(restore.with!.key).replace('${{ github.run_id }}', ''));
    expect(steps.indexOf(restore)).toBeLessThan(steps.indexOf(runStep));
    expect(steps.indexOf(save)).toBeGreaterThan(steps.indexOf(runStep));
    expect(save.if).toBe('always()');
  });

  it.skipIf(!postureParsed)(`its check step on the daily schedule runs sections 5, 6 and 7 only, and a posture with gaps exits 0${postureSkip}`, async () => {
    const dir = path.join(tmp, 'gha-posture');
    const output = path.join(tmp, 'gha-posture.output');
    writeFileSync(output, '');
    const run = await runScript(runStep, {}, { RUNBOOK_ENV: 'sandbox', RUNBOOK_SELECTION: postureSections.join(' '), RUNNER_TEMP: dir, GITHUB_OUTPUT: output });
    expect(run.code, describeRun(run)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=0\n');
    const report = JSON.parse(readFileSync(path.join(dir, 'runbook-reports', 'results.json'), 'utf8')) as RunReport;
    expect([...new Set(report.results.map((r) => r.step.split('.')[0]))].sort()).toEqual(postureSections);
    expect(report.results.filter((r) => r.step.startsWith('7.') && r.status === 'warn').length).toBeGreaterThan(0);
  }, 300_000);

  it('when the check cannot run, the step still passes, records exit code 2, and the last step fails the job with it', async () => {
    const output = path.join(tmp, 'gha-bad.output');
    writeFileSync(output, '');
    const run = await runScript(runStep, {}, { RUNBOOK_ENV: 'no-such-env', RUNNER_TEMP: path.join(tmp, 'gha-bad'), GITHUB_OUTPUT: output });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stderr).toContain('Unknown environment "no-such-env", expected one of: sandbox, prod');
    expect(readFileSync(output, 'utf8')).toBe('exit-code=2\n');
    const verdict = await runScript(verdictStep, { 'steps.run.outputs.exit-code': '2' }, {});
    expect(verdict.code).toBe(2);
    expect(verdict.stdout).toContain('::error::npm run check exited 2');
  }, 300_000);
});

interface DagTask {
  task_id: string;
  bash_command: string;
  cwd: string;
  env: Record<string, string>;
  append_env: boolean;
  trigger_rule?: string;
  upstream: string[];
}

describe('the Airflow DAG (examples/airflow/runbook_checks_dag.py)', () => {
  const dagFile = path.join(root, 'examples/airflow/runbook_checks_dag.py');
  const python = (args: string[], env: Record<string, string> = {}) => runCommand('python3', args, { env: { PYTHONPYCACHEPREFIX: path.join(tmp, 'pycache'), ...env } });
  const loadDag = async () => {
    const run = await python([path.join(root, 'test/fixtures/airflow-stub/dump_dag.py'), dagFile], { PYTHONPATH: path.join(root, 'test/fixtures/airflow-stub'), RUNBOOK_PROJECT_DIR: root });
    expect(run.code, describeRun(run)).toBe(0);
    return JSON.parse(run.stdout) as Array<{ dag_id: string; settings: { schedule: string; catchup: boolean; params: Record<string, string> }; tasks: DagTask[] }>;
  };

  it('compiles', async () => {
    const run = await python(['-m', 'py_compile', dagFile]);
    expect(run.code, describeRun(run)).toBe(0);
  });

  it('declares a scheduled DAG: the checks, then the site published whatever they found', async () => {
    const [dag] = await loadDag();
    expect(dag).toMatchObject({ dag_id: 'runbook_checks', settings: { schedule: '17 * * * *', catchup: false, params: { environment: 'prod' } } });
    expect(dag!.tasks.map((t) => [t.task_id, t.upstream, t.trigger_rule ?? 'all_success'])).toEqual([
      ['run_checks', [], 'all_success'],
      ['publish_site', ['run_checks'], 'all_done'],
    ]);
    for (const task of dag!.tasks) for (const name of npmScripts(task.bash_command)) expect(scripts[name], name).toBeDefined();
    expect(npmScripts(dag!.tasks[1]!.bash_command)).toEqual(['build']);
  });

  it('declares a daily posture DAG: sections 5, 6 and 7, then the site published whatever they found', async () => {
    const dags = await loadDag();
    const posture = dags.find((d) => d.dag_id === 'runbook_posture')!;
    expect(posture.settings).toMatchObject({ schedule: '41 5 * * *', catchup: false, params: { environment: 'prod' } });
    expect(posture.tasks.map((t) => [t.task_id, t.upstream, t.trigger_rule ?? 'all_success'])).toEqual([
      ['run_posture_checks', [], 'all_success'],
      ['publish_site', ['run_posture_checks'], 'all_done'],
    ]);
    expect(posture.tasks[0]!.bash_command).toContain(`npm run -s check -- ${postureSections.join(' ')} --env "$RUNBOOK_ENV"`);
    expect(posture.tasks[1]!.bash_command).toBe(dags[0]!.tasks[1]!.bash_command);
  });

  it.skipIf(!postureParsed)(`its posture task, run as Airflow would, saves a run of sections 5 to 7 only${postureSkip}`, async () => {
    const posture = (await loadDag()).find((d) => d.dag_id === 'runbook_posture')!;
    const task = posture.tasks[0]!;
    const context = { 'params.environment': 'sandbox', 'params.reports_root': path.join(tmp, 'airflow'), ts_nodash: '20261202T054100' };
    const env = Object.fromEntries(Object.entries(task.env).map(([key, value]) => [key, render(value, context, /\{\{([^}]+)\}\}/g)]));
    const run = await runCommand('bash', ['-c', task.bash_command], { cwd: task.cwd, env });
    expect(run.code, describeRun(run)).toBe(0);
    const report = JSON.parse(readFileSync(path.join(tmp, 'airflow', 'posture-20261202T054100', 'results.json'), 'utf8')) as RunReport;
    expect([...new Set(report.results.map((r) => r.step.split('.')[0]))].sort()).toEqual(postureSections);
  }, 300_000);

  it('its check task, run as Airflow would (templates rendered, in the project folder), writes the reports of a sandbox run', async () => {
    const [dag] = await loadDag();
    const task = dag!.tasks.find((t) => t.task_id === 'run_checks')!;
    const context = { 'params.environment': 'sandbox', 'params.reports_root': path.join(tmp, 'airflow'), ts_nodash: '20261201T121700' };
    const env = Object.fromEntries(Object.entries(task.env).map(([key, value]) => [key, render(value, context, /\{\{([^}]+)\}\}/g)]));
    const run = await runCommand('bash', ['-c', task.bash_command], { cwd: task.cwd, env });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/m);
    const reports = path.join(tmp, 'airflow', '20261201T121700');
    expect(readdirSync(reports).sort()).toEqual(['junit.xml', 'report.md', 'results.json']);
    expect(existsSync(path.join(reports, 'junit.xml'))).toBe(true);
  }, 300_000);
});
