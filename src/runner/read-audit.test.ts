import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogPath } from '../reporters/locations';
import { appendAudit, type AuditRecord } from './audit';
import { verifyChain } from './audit-chain';
import { formatAuditProblem, formatUnchainedNote, readAuditLog } from './read-audit';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'audit-read-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const record = (phase: AuditRecord['phase'], at: string): AuditRecord => ({
  at, user: 'alice', environment: 'sandbox', world: 'auto-refresh-off', step: '3.3.4', check: 'refresh-external-table', description: 'refresh the table', phase,
  ...(phase === 'finished' ? { status: 'pass', summary: 'refreshed' } : {}),
});

describe('readAuditLog', () => {
  it('reads an absent log as empty', () => {
    expect(readAuditLog(root)).toEqual({ records: [], problems: [], unchained: 0 });
  });

  it('reads the records in the order they were appended', async () => {
    const file = path.join(root, auditLogPath);
    await appendAudit(file, record('started', '2026-01-01T10:00:00.000Z'));
    await appendAudit(file, record('finished', '2026-01-01T10:00:02.000Z'));
    const log = readAuditLog(root);
    expect(log.problems).toEqual([]);
    expect(log.records.map((r) => r.phase)).toEqual(['started', 'finished']);
  });

  it('skips a line cut short by a process that died mid-write, naming its line, and keeps every other record', async () => {
    const file = path.join(root, auditLogPath);
    await appendAudit(file, record('started', '2026-01-01T10:00:00.000Z'));
    writeFileSync(file, '{"at":"2026-01-01T10:00:01.000Z","user":"al\n{"at": 3}\n', { flag: 'a' });
    await appendAudit(file, record('finished', '2026-01-01T10:00:02.000Z'));
    const { records, problems } = readAuditLog(root);
    expect(records.map((r) => r.at)).toEqual(['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:02.000Z']);
    expect(problems.map((p) => [p.line, p.reason.split(':')[0]])).toEqual([[2, 'not JSON'], [3, 'unexpected at']]);
    expect(formatAuditProblem(problems[0]!)).toMatch(/^\.runbook\/audit\.jsonl:2: skipped a damaged audit line: not JSON: /);
  });

  it('reads old records without a hash as unchained, beside the chained ones appended after them', async () => {
    const file = path.join(root, auditLogPath);
    // Two records as the log held them before it was chained: written whole, with no prevHash.
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(record('started', '2026-01-01T09:00:00.000Z'))}\n${JSON.stringify(record('finished', '2026-01-01T09:00:01.000Z'))}\n`);
    await appendAudit(file, record('started', '2026-01-01T10:00:00.000Z'));
    const log = readAuditLog(root);
    expect(log.records.map((r) => r.at)).toEqual(['2026-01-01T09:00:00.000Z', '2026-01-01T09:00:01.000Z', '2026-01-01T10:00:00.000Z']);
    expect([log.problems, log.unchained]).toEqual([[], 2]);
    expect(formatUnchainedNote(log)).toBe('.runbook/audit.jsonl: 2 record(s) predate the hash chain (unchained): read as they are, but verify-audit cannot vouch for them');
    expect(verifyChain(readFileSync(file, 'utf8'))).toEqual({ records: 3, unchained: 2, breaks: [] });
  });
});
