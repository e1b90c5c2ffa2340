import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appendAudit, type AuditRecord } from './audit';

const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-audit-'));
afterEach(() => {
  delete process.env.AIRFLOW_PASSWORD;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the audit log', () => {
  it('is redacted like every report: known values and secret shapes, the rest as it was', async () => {
    process.env.AIRFLOW_PASSWORD = 'Op3rator-Pa55!';
    const file = path.join(dir, 'audit.jsonl');
    const record: AuditRecord = {
      at: '2026-12-01T00:00:00.000Z', user: 'oncall', environment: 'sandbox', world: 'healthy', step: '3.5.4', check: 'clear-failed-tasks',
      description: 'clear dbt_build in run today', phase: 'finished', status: 'error', summary: 'login with Op3rator-Pa55! refused; header Authorization: Bearer abcdefghijkl0123',
    };
    await appendAudit(file, record);
    const written = JSON.parse(readFileSync(file, 'utf8').trim()) as AuditRecord;
    expect(written).toEqual({ ...record, summary: 'login with [redacted] refused; header Authorization: Bearer [redacted]', prevHash: null });
  });

  it('redacts the preview it keeps: a secret in a parameter goes, the operation and the other parameters stay', async () => {
    process.env.AIRFLOW_PASSWORD = 'Op3rator-Pa55!';
    const file = path.join(dir, 'preview.jsonl');
    const preview = { calls: [{ operation: 'airflow:ClearTaskInstances', parameters: { dagRunId: 'r1', note: 'as admin:Op3rator-Pa55!@airflow' } }], expects: 'dbt_build runs again' };
    await appendAudit(file, { at: '2026-12-01T00:00:00.000Z', user: 'oncall', identity: 'airflow:admin', environment: 'prod', world: null, step: '3.5.4', check: 'clear-failed-tasks', description: 'clear', preview, phase: 'started' });
    const written = JSON.parse(readFileSync(file, 'utf8').trim()) as AuditRecord;
    expect(written.preview).toEqual({ ...preview, calls: [{ ...preview.calls[0], parameters: { dagRunId: 'r1', note: 'as admin:[redacted]@airflow' } }] });
    expect(written.identity).toBe('airflow:admin');
  });
});
