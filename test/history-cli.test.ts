import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResult } from '../src/cli/history/history-result';
import { readRuns, runsDir, saveRun } from '../src/results';
import { reportOf, storeConfig } from '../src/results/store-fixtures.test-support';
import { auditLogPath } from '../src/reporters/locations';
import { describeRun, runCli, type CliRun } from './support/cli';
import { root } from './support/project';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The project every test reads: its own results store and audit log, in a temporary folder. */
const project = tempProject(tmp, 'incident');
const secret = 'airflow-token-value-0123456789';
const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCli('src/cli/main.ts', [...args, '--root', project], { env: { USER: 'oncall-alice', ...env } });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

let glue: CliRun;
let refresh: CliRun;

beforeAll(async () => {
  // Three days ago, before the incident: 3.1.3 passed, and a run saved with a secret in its evidence (as if the variable had not been set then).
  await saveRun({ root: project, config: storeConfig(), report: reportOf(daysAgo(3), { '3.1.3': 'pass' }), command: ['3.1'], user: 'earlier', commit: null });
  const leaky = reportOf(daysAgo(3), { '3.5.1': 'fail' });
  leaky.results[0]!.evidence.push({ label: 'connection', value: `token ${secret}` });
  await saveRun({ root: project, config: storeConfig(), report: leaky, command: ['3.5'], user: 'earlier', commit: null });
  // The incident: 3.1 in one world, then 3.3 with --fix in another, by two people.
  glue = await cli(['3.1', '--world', 'glue-corrupt-json']);
  refresh = await cli(['3.3', '--world', 'auto-refresh-off', '--fix', '--yes'], { USER: 'oncall-bob' });
  // A store entry and an audit line cut short, as a process dying mid-write would leave them without the atomic writes.
  writeFileSync(path.join(project, runsDir, '20000101T000000000Z-abcdef.json'), '{"version": 1, "id": "200');
  appendFileSync(path.join(project, auditLogPath), '{"at":"2026-01-01T00:00:00.000Z","user":"cut');
}, 180_000);

describe('history and transcript, through the spawned CLI', { timeout: 120_000 }, () => {
  it('saves each run with its time, world, commit (none outside git), command line and who ran it', () => {
    expect(glue.code, describeRun(glue)).toBe(1);
    expect(refresh.code, describeRun(refresh)).toBe(1);
    const runs = readRuns(project).runs.filter((r) => r.user !== 'earlier');
    expect(runs.map((r) => [r.report.selection, r.world, r.user, r.commit, r.command])).toEqual([
      [['3.1'], 'glue-corrupt-json', 'oncall-alice', null, ['3.1', '--world', 'glue-corrupt-json', '--root', project]],
      [['3.3'], 'auto-refresh-off', 'oncall-bob', null, ['3.3', '--world', 'auto-refresh-off', '--fix', '--yes', '--root', project]],
    ]);
  });

  it('history lists the runs of different scenarios newest first, with time, world, who ran them and the command; a damaged entry is skipped with a warning', async () => {
    const run = await cli(['history', '--since', '24h']);
    expect(run.code, describeRun(run)).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^History of every scenario since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ: 2 run\(s\), newest first$/);
    expect(lines[1]).toMatch(/^ {2}\S+ \S+Z {2}sandbox · auto-refresh-off {2}3\.3 {2}.*fail.* {2}oncall-bob {2}no commit {2}npm run check -- 3\.3 --world auto-refresh-off --fix --yes --root /);
    expect(lines[2]).toMatch(/^ {2}\S+ \S+Z {2}sandbox · glue-corrupt-json {2}3\.1 {2}.*fail.* {2}oncall-alice {2}no commit {2}npm run check -- 3\.1 --world glue-corrupt-json --root /);
    expect(run.stdout).not.toContain('earlier');
    expect(run.stderr).toMatch(/^warning: \.runbook\/results\/runs\/20000101T000000000Z-abcdef\.json \(run 20000101T000000000Z-abcdef\): skipped a damaged run entry: not JSON: /m);
  });

  it('history of a step says when its status last changed, from what, reading runs before the --since window too', async () => {
    const all = await cli(['history', '3.1.3', '--json']);
    expect(all.code, describeRun(all)).toBe(0);
    const history = JSON.parse(all.stdout) as HistoryResult;
    expect(history.runs.map((r) => r.user)).toEqual(['oncall-alice', 'earlier']);
    expect(history.skipped).toEqual([expect.stringContaining('20000101T000000000Z-abcdef.json')]);
    const incident = history.runs[0]!;
    expect(incident).toMatchObject({ environment: 'sandbox', world: 'glue-corrupt-json', commit: null, selection: ['3.1'], problems: expect.arrayContaining(['3.1.3']) });
    expect(history.steps).toEqual([expect.objectContaining({ environment: 'sandbox', step: '3.1.3', status: 'fail', previousStatus: 'pass', statusSince: incident.startedAt, lastRun: { id: incident.id, startedAt: incident.startedAt } })]);

    const recent = JSON.parse((await cli(['history', '3.1.3', '--since', '2h', '--json'])).stdout) as HistoryResult;
    expect(recent.runs.map((r) => r.id)).toEqual([incident.id]);
    expect(recent.steps[0]).toMatchObject({ previousStatus: 'pass', statusSince: incident.startedAt });
    expect(Date.parse(recent.since!)).toBeGreaterThan(Date.now() - 2 * 3_600_000 - 60_000);
  });

  it('history loads neither the runner, nor the sandbox services, nor any SDK client or check module', async () => {
    const record = path.join(tmp, 'modules.txt');
    const run = await runCli('src/cli/main.ts', ['history', '--root', project], { preload: [path.join(root, 'test', 'support', 'record-modules.cjs')], env: { RUNBOOK_RECORD_MODULES: record } });
    expect(run.code, describeRun(run)).toBe(0);
    const loaded = readFileSync(record, 'utf8').split('\n');
    expect(loaded).toContain(path.join(root, 'src', 'cli', 'history', 'history-command.ts'));
    const heavy = loaded.filter((file) => /node_modules\/(@aws-sdk\/client-|snowflake-sdk\/|@octokit\/)|\/src\/runner\/run\.ts$|\/src\/sandbox\/[^/]+\/service\.ts$|\/src\/cli\/transcript\//.test(file) || file.startsWith(path.join(root, 'checks') + path.sep));
    expect(heavy).toEqual([]);
  });

  it('rejects a bad --since with exit 2, naming the flag and the value', async () => {
    for (const command of ['history', 'transcript']) {
      const run = await cli([command, '--since', '2weeks']);
      expect(run.code, describeRun(run)).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Unexpected --since "2weeks", expected a whole number of minutes, hours or days: 30m, 2h, 24h, 7d');
    }
  });

  it('transcript --markdown writes each run and action in time order, with command, environment, who ran it and the evidence of what failed', async () => {
    const file = path.join(tmp, 'ticket', 'transcript.md');
    const run = await cli(['transcript', '--since', '2h', '--markdown', file]);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^Wrote the transcript of 2 run\(s\) and 1 action\(s\) since \S+ to /);
    expect(run.stderr).toMatch(/^warning: \.runbook\/audit\.jsonl:3: skipped a damaged audit line: not JSON: /m);
    const markdown = readFileSync(file, 'utf8');
    const glueAt = markdown.indexOf(': run of 3.1 Glue Job Failure');
    const refreshAt = markdown.indexOf(': run of 3.3 Snowflake External Table Not Updating');
    const actionAt = markdown.indexOf(': action 3.3.4 (`');
    expect([glueAt > 0, refreshAt > glueAt, actionAt > refreshAt], markdown).toEqual([true, true, true]);
    const [glueSection, refreshSection, actionSection] = [markdown.slice(glueAt, refreshAt), markdown.slice(refreshAt, actionAt), markdown.slice(actionAt)];
    expect(glueSection).toMatch(/- Command: `npm run check -- 3\.1 --world glue-corrupt-json --root \S+`\n- Environment: sandbox, world glue-corrupt-json \(simulated\)\n- Run by: oncall-alice\n/);
    expect(glueSection).toMatch(/#### 3\.1\.3 Check input data format: fail\n\n3 of 13 sampled lines are not valid JSON objects/);
    expect(glueSection).toContain('    corrupt lines:\n');
    expect(refreshSection).toContain('- Run by: oncall-bob\n');
    expect(refreshSection).toContain('with --fix');
    expect(actionSection).toMatch(/- Did: .+\n- Environment: sandbox, world auto-refresh-off\n- Run by: oncall-bob as snowflake:\S+\n- Outcome: pass: refreshed/);
    expect(markdown).not.toContain('earlier');
  });

  it('transcript without --markdown prints the record, with secrets redacted from evidence saved days ago', async () => {
    const run = await cli(['transcript', '--since', '7d'], { AIRFLOW_TOKEN: secret });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^# Incident transcript\n\nRuns of the runbook checks and actions taken since .*: 4 run\(s\), 1 action\(s\)\./);
    expect(run.stdout).toContain('- Run by: earlier');
    expect(run.stdout).toContain('connection: token [redacted]');
    expect(run.stdout).not.toContain(secret);
  });
});
