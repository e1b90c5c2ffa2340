import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { validateConfig } from '../src/config';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { auditLogPath } from '../src/reporters/locations';
import type { AuditRecord } from '../src/runner/audit';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import type { FaultSpec } from '../src/sandbox/faults/schema';
import { root } from './support/project';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A run root of its own (the real checks linked in), so each test reads only its own audit log. */
function runRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-audit-'));
  symlinkSync(path.join(root, 'checks'), path.join(dir, 'checks'), 'dir');
  roots.push(dir);
  return dir;
}

/** `3.1.5 --fix` in glue-corrupt-json with Step Functions' RedriveExecution never answering. */
async function redriveThatHangs(options: { timeoutSeconds: number; signal?: AbortSignal }) {
  const dir = runRoot();
  const { runbook } = await loadRunbook(defaultLayout(root));
  const config = { ...validateConfig(projectConfig), checkTimeoutSeconds: options.timeoutSeconds };
  const hang: FaultSpec = { service: 'sfn', operation: 'RedriveExecution', effect: { kind: 'hang' } };
  const report = await runSteps({
    root: dir,
    config,
    steps: selectSteps(runbook, ['3.1.5']),
    scenarios: [],
    selection: ['3.1.5'],
    environment: 'sandbox',
    world: 'glue-corrupt-json',
    fix: true,
    sandboxFaults: [hang],
    loadModule: (file) => import(file),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const audit = readFileSync(path.join(dir, auditLogPath), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditRecord);
  return { report, audit };
}

describe('every action’s audit trail ends with its outcome', () => {
  // Before: the trail held only the `started` record; the run had moved on when the timeout fired.
  it('a redrive that outlives the check timeout ends with timed-out', async () => {
    const { report, audit } = await redriveThatHangs({ timeoutSeconds: 2 });
    expect(report.results[0]).toMatchObject({ step: '3.1.5', status: 'error', error: { name: 'CheckTimeoutError' } });
    expect(audit.map((record) => [record.phase, record.outcome ?? null])).toEqual([['started', null], ['finished', 'timed-out']]);
    expect(audit[1]).toMatchObject({ step: '3.1.5', check: 'rerun-execution', world: 'glue-corrupt-json', status: 'error' });
  });

  it('a redrive interrupted through the runner’s abort path ends with interrupted', async () => {
    const controller = new AbortController();
    // Abort once the action has written its started record: the apply is then waiting on the hung redrive.
    const watcher = setInterval(() => {
      const started = roots.some((dir) => {
        try {
          return readFileSync(path.join(dir, auditLogPath), 'utf8').includes('"started"');
        } catch {
          return false;
        }
      });
      if (started) controller.abort();
    }, 50);
    try {
      const { report, audit } = await redriveThatHangs({ timeoutSeconds: 60, signal: controller.signal });
      expect(report.results[0]).toMatchObject({ step: '3.1.5', status: 'error', error: { name: 'CheckInterruptedError' } });
      expect(audit.map((record) => [record.phase, record.outcome ?? null])).toEqual([['started', null], ['finished', 'interrupted']]);
    } finally {
      clearInterval(watcher);
    }
  });
});
