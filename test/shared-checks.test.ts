import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../src/sandbox/core/call-log';
import { buildMarkdownReport } from '../src/reporters/markdown';
import { buildTerminalReport } from '../src/reporters/terminal';
import { describeOutcomes, runInWorld } from './support/project';

async function callsOf(world: string, selection: string[]) {
  let calls: CallRecord[] = [];
  const report = await runInWorld(world, selection, { inspectSandbox: (sandbox) => (calls = sandbox.calls.all()) });
  return { report, calls };
}

describe('a check linked from a symptom and a step runs once per run', () => {
  it('3.1.s3 and 3.1.2 share run-error-logs: the logs are read as often as for the symptom alone, and 3.1.2 carries the same verdict', async () => {
    const [alone, both] = await Promise.all([callsOf('glue-corrupt-json', ['3.1.s3']), callsOf('glue-corrupt-json', ['3.1.s3', '3.1.2'])]);
    const reads = (calls: CallRecord[]) => calls.filter((c) => c.operation === 'FilterLogEvents').length;
    expect(reads(alone.calls)).toBeGreaterThan(0);
    expect(reads(both.calls)).toBe(reads(alone.calls));
    const [symptom, action] = both.report.results;
    expect(symptom, describeOutcomes(both.report)).toMatchObject({ step: '3.1.s3', status: 'fail', check: 'run-error-logs' });
    expect(symptom!.sharedWith).toBeUndefined();
    expect(action).toMatchObject({ step: '3.1.2', status: 'fail', check: 'run-error-logs', sharedWith: '3.1.s3', durationMs: 0, summary: symptom!.summary, evidence: symptom!.evidence });
  }, 60_000);

  it('across scenarios too (3.1.s1 and 3.2.s1), and the terminal and Markdown reports print the evidence once', async () => {
    const { report, calls } = await callsOf('glue-corrupt-json', ['3.1.s1', '3.2.s1']);
    expect(report.results.map((r) => [r.step, r.status, r.sharedWith ?? null])).toEqual([
      ['3.1.s1', 'fail', null],
      ['3.2.s1', 'fail', '3.1.s1'],
    ]);
    const single = await callsOf('glue-corrupt-json', ['3.1.s1']);
    expect(calls.filter((c) => c.operation === 'ListExecutions').length).toBe(single.calls.filter((c) => c.operation === 'ListExecutions').length);
    const evidenceLine = 'latest execution: name=daily-';
    const terminal = buildTerminalReport(report, { color: false, width: 200 });
    expect(terminal.split(evidenceLine)).toHaveLength(2);
    expect(terminal).toContain('same check as 3.1.s1: its evidence is shown there');
    const markdown = buildMarkdownReport(report);
    expect(markdown.split(evidenceLine)).toHaveLength(2);
    expect(markdown).toMatch(/^#### 3\.2\.s1 .*\n\n.*\(same check as 3\.1\.s1: its evidence is shown there\)$/m);
  }, 60_000);

  it('3.3 describes each external table once, for its checks and its action\'s plan alike', async () => {
    const { report, calls } = await callsOf('healthy', ['3.3']);
    expect(report.results.map((r) => r.step)).toContain('3.3.4');
    expect(calls.filter((c) => c.operation === 'SHOW EXTERNAL TABLES')).toHaveLength(1);
  }, 60_000);
});
