import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { auditLogPath } from '../reporters/locations';
import type { AuditRecord } from './audit';

const auditSchema = z.looseObject({
  at: z.iso.datetime(),
  user: z.string(),
  environment: z.string(),
  world: z.string().nullable(),
  step: z.string(),
  check: z.string(),
  description: z.string(),
  phase: z.enum(['started', 'finished']),
  identity: z.string().optional(),
  prevHash: z.string().nullable().optional(),
  status: z.string().optional(),
  summary: z.string().optional(),
});

/** An audit line the reader skipped (a write cut short, an edit by hand): where, and why. */
export interface AuditProblem {
  /** The log file relative to the project root, and the line's number in it (from 1). */
  file: string;
  line: number;
  reason: string;
}

/** What the audit log holds: its records in file order (the order they were appended), and the lines skipped. */
export interface AuditLog {
  records: AuditRecord[];
  problems: AuditProblem[];
  /** How many records carry no `prevHash`: written before the log was hash-chained, so no verification vouches for them. */
  unchained: number;
}

/** `.runbook/audit.jsonl: 3 records predate the hash chain (unchained) …`, as a note; null when every record is chained. */
export function formatUnchainedNote(log: AuditLog): string | null {
  if (log.unchained === 0) return null;
  return `${auditLogPath}: ${log.unchained} record(s) predate the hash chain (unchained): read as they are, but verify-audit cannot vouch for them`;
}

/** `.runbook/audit.jsonl:7: skipped a damaged audit line: …`, as a warning. */
export function formatAuditProblem(problem: AuditProblem): string {
  return `${problem.file}:${problem.line}: skipped a damaged audit line: ${problem.reason}`;
}

/**
 * Reads the audit log of the project at `root`. A missing log is an empty one; a line that is not a
 * record (cut short when a process died mid-write) is skipped and named in `problems`, and the rest still read.
 */
export function readAuditLog(root: string): AuditLog {
  let text: string;
  try {
    text = readFileSync(path.join(root, auditLogPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [], unchained: 0 };
    return { records: [], problems: [{ file: auditLogPath, line: 0, reason: (error as Error).message }], unchained: 0 };
  }
  const log: AuditLog = { records: [], problems: [], unchained: 0 };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const problem = (reason: string) => log.problems.push({ file: auditLogPath, line: index + 1, reason });
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      return problem(`not JSON: ${(error as Error).message}`);
    }
    const parsed = auditSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return problem(`unexpected ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    if (!('prevHash' in parsed.data)) log.unchained++;
    log.records.push(parsed.data as AuditRecord);
  });
  return log;
}
