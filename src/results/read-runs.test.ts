import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRuns } from './read-runs';
import { saveRun } from './save-run';
import { reportOf, storeConfig } from './store-fixtures.test-support';
import { runsDir } from './store-layout';
import { formatStoreProblem } from './store-problem';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'results-read-'));
  mkdirSync(path.join(root, runsDir), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (name: string, text: string): void => writeFileSync(path.join(root, runsDir, name), text);
const good = () => saveRun({ root, config: storeConfig(), report: reportOf('2026-01-01T10:00:00.000Z', { '3.3.1': 'fail' }), command: [], user: 'u', commit: null });

describe('readRuns', () => {
  it('reads an acknowledged failure with its status and acknowledgement, for the step badge and history', async () => {
    const run = await saveRun({ root, config: storeConfig(), report: reportOf('2026-01-01T10:00:00.000Z', { '3.3.1': 'acknowledged' }), command: [], user: 'u', commit: null });
    const { runs, problems } = readRuns(root);
    expect(problems).toEqual([]);
    expect(runs).toEqual([run]);
    expect(runs[0]!.report.results[0]).toMatchObject({ status: 'acknowledged', acknowledgement: { owner: 'data-platform' } });
  });

  it('reads an empty store, and no problem, before the first run', () => {
    rmSync(path.join(root, '.runbook'), { recursive: true });
    expect(readRuns(root)).toEqual({ runs: [], problems: [] });
  });

  it('skips a file that is not JSON, naming the file and the entry, and still reads the others', async () => {
    const run = await good();
    write('20260101T110000000Z-abcdef.json', '{"version": 1, "id": "trunc');
    const { runs, problems } = readRuns(root);
    expect(runs).toEqual([run]);
    expect(problems).toEqual([{ kind: 'damaged', file: `${runsDir}/20260101T110000000Z-abcdef.json`, entry: '20260101T110000000Z-abcdef', reason: expect.stringMatching(/^not JSON: /) }]);
    expect(formatStoreProblem(problems[0]!)).toMatch(/^\.runbook\/results\/runs\/20260101T110000000Z-abcdef\.json \(run 20260101T110000000Z-abcdef\): skipped a damaged run entry: not JSON: /);
  });

  it('names the field of an entry that does not have the shape of a run', async () => {
    const run = await good();
    write('20260101T110000000Z-000000.json', JSON.stringify({ ...run, id: 'x', report: { ...run.report, results: [{ step: '3.3.1', status: 'broken' }] } }));
    const [problem] = readRuns(root).problems;
    expect(problem).toMatchObject({ kind: 'damaged', reason: expect.stringMatching(/^unexpected report\.results\.0\.\w+: /) });
  });

  it('announces an entry or a result document of another version instead of reading it', async () => {
    const run = await good();
    write('20260101T110000000Z-000001.json', JSON.stringify({ ...run, version: 2 }));
    write('20260101T110000000Z-000002.json', JSON.stringify({ ...run, report: { ...run.report, version: 2 } }));
    expect(readRuns(root).problems).toEqual([
      expect.objectContaining({ kind: 'unsupported', entry: '20260101T110000000Z-000001', reason: 'entry version 2, this reader knows version 1' }),
      expect.objectContaining({ kind: 'unsupported', entry: '20260101T110000000Z-000002', reason: 'result document version 2, this reader knows version 1' }),
    ]);
  });

  it('ignores the temporary file a writer left when it died before renaming, and passes unknown fields through', async () => {
    const run = await good();
    write(`20260101T110000000Z-000003.json.123.abcd.tmp`, '{"half": ');
    write('20260101T120000000Z-000004.json', JSON.stringify({ ...run, id: '20260101T120000000Z-000004', startedAt: '2026-01-01T12:00:00.000Z', acknowledged: ['3.3.1'] }));
    const { runs, problems } = readRuns(root);
    expect(problems).toEqual([]);
    expect(runs.map((r) => r.startedAt)).toEqual(['2026-01-01T10:00:00.000Z', '2026-01-01T12:00:00.000Z']);
    expect((runs[1] as unknown as { acknowledged: string[] }).acknowledged).toEqual(['3.3.1']);
  });
});
