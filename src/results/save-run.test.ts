import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRuns } from './read-runs';
import { saveRun } from './save-run';
import { reportOf, storeConfig } from './store-fixtures.test-support';
import { runsDir } from './store-layout';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'results-save-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const save = (startedAt: string, keepRuns = 500, environment = 'sandbox') =>
  saveRun({ root, config: storeConfig(keepRuns), report: reportOf(startedAt, { '3.3.1': 'pass' }, { environment, world: environment === 'sandbox' ? 'healthy' : null }), command: ['3.3'], user: 'alice' });

describe('saveRun', () => {
  it('keeps every run, each with its id, time, duration, environment, world, commit, command line, user and report', async () => {
    const first = await save('2026-01-01T10:00:00.000Z');
    const second = await save('2026-01-01T11:00:00.000Z', 500, 'prod');
    const { runs, problems } = readRuns(root);
    expect(problems).toEqual([]);
    expect(runs).toEqual([first, second]);
    expect(first).toMatchObject({ version: 1, startedAt: '2026-01-01T10:00:00.000Z', durationMs: 1200, environment: 'sandbox', world: 'healthy', sandbox: true, commit: null, command: ['3.3'], user: 'alice' });
    expect(second).toMatchObject({ environment: 'prod', world: null, sandbox: false });
    expect(first.id).toMatch(/^20260101T100000000Z-[0-9a-f]{6}$/);
    expect(first.report.results[0]).toMatchObject({ step: '3.3.1', status: 'pass' });
  });

  it('records the git commit of the runbook when the project is in git', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString().trim();
    git('init', '-q');
    writeFileSync(path.join(root, 'runbook.md'), '# Runbook\n');
    git('add', '.');
    git('commit', '-qm', 'runbook');
    const run = await save('2026-01-01T10:00:00.000Z');
    expect(run.commit).toBe(git('rev-parse', 'HEAD'));
  });

  it('keeps only the newest keepRuns runs', async () => {
    for (let hour = 10; hour < 15; hour++) await save(`2026-01-01T${hour}:00:00.000Z`, 3);
    expect(readRuns(root).runs.map((run) => run.startedAt)).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-01T13:00:00.000Z', '2026-01-01T14:00:00.000Z']);
  });

  it('loses no run when several save at once, and leaves no temporary file', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => save(`2026-01-01T10:00:${String(index).padStart(2, '0')}.000Z`)));
    expect(readRuns(root).runs).toHaveLength(12);
    expect(readdirSync(path.join(root, runsDir)).filter((name) => !name.endsWith('.json'))).toEqual([]);
  });
});
