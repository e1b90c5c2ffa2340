import { describe, expect, it } from 'vitest';
import type { Status } from '../model';
import { latestResults, selectRuns, statusChanges } from './queries';
import { reportOf } from './store-fixtures.test-support';
import type { StoredRun } from './stored-run';

let counter = 0;
function run(startedAt: string, statuses: Record<string, Status>, environment = 'sandbox', world: string | null = 'healthy'): StoredRun {
  const report = reportOf(startedAt, statuses, { environment, world });
  return { version: 1, id: `r${counter++}`, startedAt, durationMs: 1, environment, world, sandbox: environment === 'sandbox', commit: null, command: [], user: 'u', report };
}

const runs = [
  run('2026-01-01T08:00:00.000Z', { '3.1.1': 'pass', '3.1.2': 'pass' }),
  run('2026-01-01T09:00:00.000Z', { '3.3.1': 'pass' }, 'prod', null),
  run('2026-01-01T10:00:00.000Z', { '3.1.1': 'fail', '3.1.2': 'pass' }, 'sandbox', 'glue-corrupt-json'),
  run('2026-01-01T11:00:00.000Z', { '3.1.1': 'fail' }, 'sandbox', 'glue-corrupt-json'),
  run('2026-01-01T12:00:00.000Z', { '3.3.1': 'fail' }),
];

describe('selectRuns', () => {
  it('keeps the runs since a time, of an environment, of a scenario or of a step', () => {
    const starts = (selected: StoredRun[]) => selected.map((r) => r.startedAt.slice(11, 13));
    expect(starts(selectRuns(runs, { since: new Date('2026-01-01T10:00:00.000Z') }))).toEqual(['10', '11', '12']);
    expect(starts(selectRuns(runs, { environment: 'prod' }))).toEqual(['09']);
    expect(starts(selectRuns(runs, { scenario: '3.3' }))).toEqual(['09', '12']);
    expect(starts(selectRuns(runs, { step: '3.1.2', environment: 'sandbox' }))).toEqual(['08', '10']);
  });
});

describe('statusChanges', () => {
  it('lists each step\'s first status and every change after it, per environment, in time order', () => {
    expect(statusChanges(runs).map(({ environment, step, from, to, at }) => `${environment} ${step} ${from}→${to} ${at.slice(11, 13)}`)).toEqual([
      'sandbox 3.1.1 null→pass 08',
      'sandbox 3.1.2 null→pass 08',
      'prod 3.3.1 null→pass 09',
      'sandbox 3.1.1 pass→fail 10',
      'sandbox 3.3.1 null→fail 12',
    ]);
  });
});

describe('latestResults', () => {
  it('gives the latest outcome per environment and step, with when its status last changed and from what', () => {
    const latest = latestResults(runs);
    expect([...latest.keys()]).toEqual(['sandbox', 'prod']);
    const glue = latest.get('sandbox')!.get('3.1.1')!;
    expect(glue).toMatchObject({ statusSince: '2026-01-01T10:00:00.000Z', previousStatus: 'pass', outcome: { status: 'fail' } });
    expect(glue.run.startedAt).toBe('2026-01-01T11:00:00.000Z');
    expect(latest.get('sandbox')!.get('3.1.2')).toMatchObject({ statusSince: '2026-01-01T08:00:00.000Z', previousStatus: null });
    expect(latest.get('prod')!.get('3.3.1')!.outcome.status).toBe('pass');
    expect(latest.get('sandbox')!.get('3.3.1')!.outcome.status).toBe('fail');
  });
});
