import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, type AuditRecord } from './audit';
import { hashOfLine, verifyChain } from './audit-chain';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'audit-chain-'));
  file = path.join(dir, 'audit.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (n: number): AuditRecord => ({
  at: `2026-01-01T10:00:0${n % 10}.000Z`, user: 'alice', identity: 'arn:aws:iam::123456789012:user/alice', environment: 'sandbox', world: null,
  step: '3.1.5', check: 'rerun-execution', description: `redrive ${n}`, phase: n % 2 ? 'finished' : 'started',
});

async function logOf(count: number): Promise<string[]> {
  for (let n = 0; n < count; n++) await appendAudit(file, record(n));
  return readFileSync(file, 'utf8').trim().split('\n');
}
const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('the hash-chained audit log', () => {
  it('chains each record to the line before it: the first carries null, each next the sha256 of the previous line', async () => {
    const lines = await logOf(3);
    expect(lines.map((line) => (JSON.parse(line) as { prevHash: unknown }).prevHash)).toEqual([null, hashOfLine(lines[0]!), hashOfLine(lines[1]!)]);
    expect(hashOfLine(lines[0]!)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(verifyChain(text(lines))).toEqual({ records: 3, unchained: 0, breaks: [] });
  });

  it('detects an edited record at the line after it', async () => {
    const lines = await logOf(4);
    lines[1] = lines[1]!.replace('redrive 1', 'redrive 9');
    expect(verifyChain(text(lines)).breaks).toEqual([{ line: 3, reason: 'its prevHash is not the hash of line 2: line 2 was edited, or lines were removed or moved here' }]);
  });

  it('detects reordered records and a record removed from the middle', async () => {
    const lines = await logOf(4);
    expect(verifyChain(text([lines[0]!, lines[2]!, lines[1]!, lines[3]!])).breaks.map((b) => b.line)).toEqual([2, 3, 4]);
    expect(verifyChain(text([lines[0]!, lines[1]!, lines[3]!])).breaks.map((b) => b.line)).toEqual([3]);
  });

  it('detects lines cut from the start, a record inserted without a hash, and a damaged line', async () => {
    const lines = await logOf(3);
    expect(verifyChain(text(lines.slice(1))).breaks).toEqual([{ line: 1, reason: 'it is the first line but carries a prevHash: the lines before it were removed' }]);
    const inserted = text([lines[0]!, JSON.stringify(record(7)), lines[1]!, lines[2]!]);
    expect(verifyChain(inserted).breaks.map((b) => b.line)).toEqual([2, 3]);
    expect(verifyChain(text([lines[0]!, '{"at":"2026-01-01T1', lines[1]!])).breaks.map((b) => b.line)).toEqual([2, 3]);
  });

  it('ends a last line cut short before appending, so the next record starts a line of its own', async () => {
    await logOf(1);
    writeFileSync(file, '{"at":"cut', { flag: 'a' });
    await appendAudit(file, record(1));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect((JSON.parse(lines[2]!) as { prevHash: string }).prevHash).toBe(hashOfLine('{"at":"cut'));
    expect(verifyChain(text(lines)).breaks.map((b) => b.line)).toEqual([2]);
  });

  it('keeps the chain whole when two processes append at once', async () => {
    const script = `
      require(${JSON.stringify(path.join(__dirname, '..', '..', 'bin', 'register.js'))});
      const { appendAudit } = require(${JSON.stringify(path.join(__dirname, 'audit.ts'))});
      (async () => {
        // Both processes start appending at the same moment, so their appends interleave.
        await new Promise((resolve) => setTimeout(resolve, Number(process.argv[2]) - Date.now()));
        for (let n = 0; n < 60; n++) await appendAudit(process.argv[1], { at: new Date().toISOString(), user: 'p' + process.pid, environment: 'sandbox', world: null, step: '3.1.5', check: 'rerun-execution', description: 'n' + n, phase: 'started' });
      })();`;
    const run = promisify(execFile);
    const startAt = String(Date.now() + 3_000);
    await Promise.all([run(process.execPath, ['-e', script, file, startAt]), run(process.execPath, ['-e', script, file, startAt])]);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(120);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { user: string }).user)).size).toBe(2);
    expect(verifyChain(text(lines))).toEqual({ records: 120, unchained: 0, breaks: [] });
  }, 60_000);
});
