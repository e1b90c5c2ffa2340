import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../model';
import type { StoredRun } from '../../results';
import { reportOf } from '../../results/store-fixtures.test-support';
import type { AuditRecord } from '../../runner/audit';
import { actionsTaken } from './actions-taken';
import { buildTranscript } from './transcript-entries';
import { buildTranscriptMarkdown } from './transcript-markdown';

function run(startedAt: string, scenario: string, world: string, outcomes: Partial<StepOutcome>[], user = 'alice'): StoredRun {
  const report = reportOf(startedAt, Object.fromEntries(outcomes.map((o) => [o.step!, o.status!])), { world });
  report.scenarios = [{ id: scenario, title: `Scenario ${scenario}`, severity: 'high' }];
  report.results = report.results.map((result, index) => ({ ...result, ...outcomes[index] }) as StepOutcome);
  return { version: 1, id: `${startedAt}-${scenario}`, startedAt, durationMs: 2400, environment: 'sandbox', world, sandbox: true, commit: null, command: [scenario, '--world', world], user, report };
}

const audit = (phase: AuditRecord['phase'], at: string, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  at, user: 'bob', environment: 'sandbox', world: 'auto-refresh-off', step: '3.3.4', check: 'refresh-external-table', description: 'refresh ANALYTICS.RAW.REVIEWS_EXT', phase,
  ...(phase === 'finished' ? { status: 'pass', summary: 'refreshed: 3 files registered' } : {}), ...extra,
});

const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const runs = [
  run('2026-01-02T09:00:00.000Z', '3.1', 'glue-corrupt-json', [
    { step: '3.1.3', status: 'fail', text: 'Check input data format', summary: '3 of 13 sampled lines are not valid JSON', evidence: [{ label: 'corrupt lines', value: [{ key: 'part-00001.json', line: 3 }] }, { label: 'request', value: `Authorization: Bearer ${token}` }], links: [{ label: 'S3 arai-raw', url: 'https://s3.console.aws.amazon.com/s3/buckets/arai-raw?prefix=reviews%2F' }] },
    { step: '3.1.1', status: 'pass' },
  ]),
  run('2026-01-02T10:00:00.000Z', '3.3', 'auto-refresh-off', [{ step: '3.3.3', status: 'fail', summary: 'auto-refresh is off', evidence: [{ label: 'connection', value: 'password=hunter2hunter2' }] }], 'bob'),
  run('2026-01-01T08:00:00.000Z', '3.1', 'healthy', [{ step: '3.1.3', status: 'pass' }]),
];
const records = [audit('started', '2026-01-02T10:00:01.000Z'), audit('finished', '2026-01-02T10:00:03.000Z'), audit('started', '2026-01-02T10:05:00.000Z', { step: '3.1.5', check: 'redrive-execution', description: `redrive with token ${token}` })];
const request = { since: new Date('2026-01-02T00:00:00.000Z'), now: new Date('2026-01-02T12:00:00.000Z'), secrets: ['hunter2hunter2'] };

describe('actionsTaken', () => {
  it('pairs each action\'s started and finished records, and keeps an action whose process stopped before finishing', () => {
    expect(actionsTaken(records).map((a) => [a.step, a.startedAt, a.finishedAt, a.status])).toEqual([
      ['3.3.4', '2026-01-02T10:00:01.000Z', '2026-01-02T10:00:03.000Z', 'pass'],
      ['3.1.5', '2026-01-02T10:05:00.000Z', null, null],
    ]);
  });
});

describe('buildTranscript', () => {
  it('merges the runs and actions of the window in time order, whatever order they were read in', () => {
    const transcript = buildTranscript(runs, [...records].reverse().sort((a, b) => (a.phase === b.phase ? 0 : a.phase === 'started' ? -1 : 1)), request);
    expect(transcript.entries.map((e) => (e.kind === 'run' ? `run ${e.run.report.selection[0]}` : `action ${e.action.step}`))).toEqual(['run 3.1', 'run 3.3', 'action 3.3.4', 'action 3.1.5']);
    expect(buildTranscript(runs, records, { ...request, since: new Date('2026-01-02T10:00:02.000Z') }).entries.map((e) => e.kind)).toEqual(['action']);
    expect(buildTranscript(runs, records, { ...request, since: new Date(0), environment: 'prod' }).entries).toEqual([]);
  });
});

describe('buildTranscriptMarkdown', () => {
  const markdown = buildTranscriptMarkdown(buildTranscript(runs, records, request));

  it('records each run with its command line, environment, who ran it, and what failed with its evidence and links', () => {
    expect(markdown).toContain('## 2026-01-02 09:00:00Z: run of 3.1 Scenario 3.1\n\n- Command: `npm run check -- 3.1 --world glue-corrupt-json`\n- Environment: sandbox, world glue-corrupt-json (simulated)\n- Run by: alice\n- Runbook commit: unknown (not a git checkout)\n- Result: 1 fail, 1 pass, in 2.4 s');
    expect(markdown).toContain('#### 3.1.3 Check input data format: fail\n\n3 of 13 sampled lines are not valid JSON\n\n    corrupt lines:\n      - key=part-00001.json line=3\n');
    expect(markdown).toContain('- [S3 arai-raw](https://s3.console.aws.amazon.com/s3/buckets/arai-raw?prefix=reviews%2F)');
    expect(markdown).not.toContain('3.1.1 step');
  });

  it('records each action taken: what it did, where, who ran it, and how it ended', () => {
    expect(markdown).toContain('## 2026-01-02 10:00:01Z: action 3.3.4 (`refresh-external-table`)\n\n- Did: refresh ANALYTICS.RAW.REVIEWS\\_EXT\n- Environment: sandbox, world auto-refresh-off\n- Run by: bob\n- Outcome: pass: refreshed: 3 files registered (finished 2026-01-02 10:00:03Z)');
    expect(markdown).toContain('- Outcome: no finished record: the process may have stopped during the action');
    const order = ['run of 3.1', 'run of 3.3', 'action 3.3.4', 'action 3.1.5'].map((text) => markdown.indexOf(text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(markdown).not.toContain('2026-01-01 08:00:00Z');
  });

  it('passes evidence and audit text through redaction: no token or password survives', () => {
    expect(markdown).not.toContain(token);
    expect(markdown).not.toContain('hunter2hunter2');
    expect(markdown).toContain('request: Authorization: Bearer [redacted]');
    expect(markdown).toContain('connection: password=[redacted]');
    expect(markdown).toContain('- Did: redrive with token \\[redacted\\]');
  });

  it('names a triage run as triage rather than listing every scenario it looked at', () => {
    const triage = run('2026-01-02T08:00:00.000Z', '3.1', 'healthy', [{ step: '3.1.s1', status: 'pass' }]);
    triage.report.selection = ['triage'];
    triage.report.scenarios.push({ id: '3.3', title: 'Scenario 3.3', severity: 'medium' });
    expect(buildTranscriptMarkdown(buildTranscript([triage], [], request))).toContain("## 2026-01-02 08:00:00Z: run of triage \\(every scenario's symptoms\\)\n");
  });

  it('says so when the window holds nothing', () => {
    expect(buildTranscriptMarkdown(buildTranscript([], [], request))).toContain('0 run(s), 0 action(s)');
    expect(buildTranscriptMarkdown(buildTranscript([], [], request))).toContain('Nothing was run in this window.');
  });
});
