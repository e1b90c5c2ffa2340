import { describe, expect, it } from 'vitest';
import type { Status } from '../../model';
import type { StoredRun } from '../../results';
import { reportOf } from '../../results/store-fixtures.test-support';
import { buildHistory } from './history-result';
import { buildHistoryTerminal } from './history-terminal';

let counter = 0;
function run(startedAt: string, statuses: Record<string, Status>, world = 'healthy', command: string[] = []): StoredRun {
  const report = reportOf(startedAt, statuses, { world });
  return { version: 1, id: `r${counter++}`, startedAt, durationMs: 1200, environment: 'sandbox', world, sandbox: true, commit: 'abcdef1234567890abcdef1234567890abcdef12', command, user: 'alice', report };
}

const runs = [
  run('2026-01-01T08:00:00.000Z', { '3.1.1': 'pass', '3.1.2': 'pass' }),
  run('2026-01-02T09:00:00.000Z', { '3.1.1': 'fail', '3.1.2': 'pass' }, 'glue-corrupt-json', ['3.1', '--world', 'glue-corrupt-json']),
  run('2026-01-02T10:00:00.000Z', { '3.3.s1': 'fail', '3.3.1': 'fail' }, 's3-notifications-missing', ['3.3', '--world', 's3-notifications-missing']),
  run('2026-01-02T11:00:00.000Z', { '3.1.1': 'fail' }, 'glue-corrupt-json', ['3.1.1', '--world', 'glue-corrupt-json']),
];
const now = new Date('2026-01-02T12:00:00.000Z');

describe('buildHistory', () => {
  it('lists runs of different scenarios newest first, each with its time, environment, world, command, user, commit and totals', () => {
    const history = buildHistory(runs, { scope: {}, limit: 20 });
    expect(history.runs.map((r) => [r.startedAt.slice(8, 13), r.selection.join(',')])).toEqual([['02T11', '3.1'], ['02T10', '3.3'], ['02T09', '3.1'], ['01T08', '3.1']]);
    expect(history.runs[1]).toMatchObject({
      environment: 'sandbox', world: 's3-notifications-missing', user: 'alice', commit: 'abcdef1234567890abcdef1234567890abcdef12',
      command: 'npm run check -- 3.3 --world s3-notifications-missing', totals: { fail: 2 }, problems: ['3.3.s1', '3.3.1'],
    });
    expect(history.moreRuns).toBe(0);
  });

  it('says per step when its status last changed and from what, reading runs from before the window too', () => {
    const history = buildHistory(runs, { scope: { scenario: '3.1' }, since: new Date('2026-01-02T00:00:00.000Z'), limit: 20 });
    expect(history.runs.map((r) => r.startedAt.slice(8, 13))).toEqual(['02T11', '02T09']);
    expect(history.steps.map(({ step, status, statusSince, previousStatus, lastRun }) => [step, status, statusSince, previousStatus, lastRun.startedAt])).toEqual([
      ['3.1.1', 'fail', '2026-01-02T09:00:00.000Z', 'pass', '2026-01-02T11:00:00.000Z'],
      ['3.1.2', 'pass', '2026-01-01T08:00:00.000Z', null, '2026-01-02T09:00:00.000Z'],
    ]);
  });

  it('keeps to one step, leaves out steps last run before the window, and counts the runs beyond the limit', () => {
    expect(buildHistory(runs, { scope: { step: '3.1.2' }, limit: 20 }).steps.map((s) => s.step)).toEqual(['3.1.2']);
    expect(buildHistory(runs, { scope: { step: '3.1.2' }, limit: 20 }).runs).toHaveLength(2);
    expect(buildHistory(runs, { scope: {}, since: new Date('2026-01-02T10:30:00.000Z'), limit: 20 }).steps.map((s) => s.step)).toEqual(['3.1.1']);
    const limited = buildHistory(runs, { scope: {}, limit: 1 });
    expect([limited.runs.length, limited.moreRuns]).toEqual([1, 3]);
  });

  it('orders steps as the runbook does: symptoms first, then by number', () => {
    expect(buildHistory(runs, { scope: { scenario: '3.3' }, limit: 20 }).steps.map((s) => s.step)).toEqual(['3.3.s1', '3.3.1']);
  });
});

describe('buildHistoryTerminal', () => {
  it('prints one line per run, newest first, then each step with its status and when it last changed', () => {
    const text = buildHistoryTerminal(buildHistory(runs, { scope: { scenario: '3.1' }, limit: 20 }), { color: false, width: 400 }, now);
    const lines = text.split('\n');
    expect(lines[0]).toBe('History of 3.1: 3 run(s), newest first');
    expect(lines[1]).toBe('  2026-01-02 11:00:00Z  sandbox · glue-corrupt-json  3.1  1 fail  alice  abcdef1  npm run check -- 3.1.1 --world glue-corrupt-json');
    expect(lines[3]).toMatch(/^ {2}2026-01-01 08:00:00Z {2}sandbox · healthy {2}3\.1 {2}2 pass /);
    expect(text).toContain('  sandbox  FAIL  3.1.1    since 2026-01-02 09:00:00Z (3h ago), was pass  last run 2026-01-02 11:00:00Z  fail');
    expect(text).toContain('  sandbox  PASS  3.1.2    since its first recorded run, 2026-01-01 08:00:00Z (28h ago)');
  });

  it('says when the window holds no run', () => {
    const text = buildHistoryTerminal(buildHistory(runs, { scope: {}, since: now, limit: 20 }), { color: false, width: 100 }, now);
    expect(text).toMatch(/^History of every scenario since 2026-01-02 12:00:00Z: 0 run\(s\), newest first\n {2}no runs recorded in this window/);
  });
});
