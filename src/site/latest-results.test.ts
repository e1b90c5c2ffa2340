import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestReportPath } from '../reporters/locations';
import { readLatestResults } from './latest-results';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'latest-results-'));
  mkdirSync(path.join(root, path.dirname(latestReportPath)), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (text: string): void => writeFileSync(path.join(root, latestReportPath), text);

describe('readLatestResults', () => {
  it('reads nothing, and reports no problem, before the first run', () => {
    rmSync(path.join(root, '.runbook'), { recursive: true });
    expect(readLatestResults(root)).toEqual({ byStep: new Map() });
  });

  it('reports a result document that is not JSON instead of failing the build', () => {
    write('{ not json');
    const latest = readLatestResults(root);
    expect(latest.byStep.size).toBe(0);
    expect(latest.problem).toMatch(/^\.runbook\/results\/latest\.json: not JSON/);
  });

  it('reports a result document of another version, naming the expected one', () => {
    write(JSON.stringify({ version: 2, environment: 'sandbox', world: null, startedAt: 'x', results: [] }));
    expect(readLatestResults(root).problem).toContain('expected a result document of version 1');
  });

  it('reads an acknowledged failure with its status, for the step badge', () => {
    const acknowledgement = { reason: 'migration', owner: 'data-platform', expires: '2026-12-31T00:00:00.000Z', source: { file: 'runbook.acks.yaml', line: 3, column: 5 } };
    const outcome = { step: '3.3.1', check: 's3-event-notifications', status: 'acknowledged', reason: 'no queue', summary: 'no queue', evidence: [], links: [], acknowledgement };
    write(JSON.stringify({ version: 1, environment: 'prod', world: null, startedAt: '2026-12-01T00:00:00.000Z', results: [outcome] }));
    const latest = readLatestResults(root);
    expect(latest.problem).toBeUndefined();
    expect(latest.byStep.get('3.3.1')?.view.status).toBe('acknowledged');
  });
});
