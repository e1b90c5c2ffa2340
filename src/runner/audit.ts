import { userInfo } from 'node:os';
import type { ActionPreview } from '../check-api';
import type { CheckResult } from '../model';
import { redactDeep, secretsFromEnvironment } from '../redaction';
import { appendChained } from './audit-chain';

/** How an action ended, as its last audit record says: applied, failed, timed out, or interrupted (Ctrl-C, a run abort). */
export type AuditOutcome = 'applied' | 'failed' | 'timed-out' | 'interrupted';

/** One line of the audit log: who ran which action where, what it did, and how it ended. */
export interface AuditRecord {
  at: string;
  /** The OS user who ran the CLI. */
  user: string;
  /** Who the service saw: the STS caller ARN, `snowflake:USER`, `github:login`, `airflow:user` (absent in records before it was kept). */
  identity?: string;
  environment: string;
  world: string | null;
  step: string;
  check: string;
  description: string;
  /** The exact calls the action sends and what it expects to change, as its preview showed them. */
  preview?: ActionPreview;
  phase: 'started' | 'finished';
  status?: string;
  /** On the finished record: how the action ended. */
  outcome?: AuditOutcome;
  summary?: string;
  /** The hash of the log's line before this one (`sha256:…`; null for the first line): the chain `verify-audit` checks. Absent in old records. */
  prevHash?: string | null;
}

/** What the started and finished records of one action share. */
export type AuditBase = Omit<AuditRecord, 'phase' | 'status' | 'outcome' | 'summary' | 'prevHash'>;

/** The user name for audit records, or `unknown` where the OS cannot tell. */
export function currentUser(): string {
  try {
    return process.env.USER ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The outcome of an action from its verdict: applied when it passed or warned; `stopped` when the run cut it short. */
export function auditOutcome(result: CheckResult, stopped?: 'timed-out' | 'interrupted'): AuditOutcome {
  if (stopped) return stopped;
  return result.status === 'pass' || result.status === 'warn' ? 'applied' : 'failed';
}

/** The record that ends an action's trail. A stopped action may have reached the service: its summary says so. */
export function finishedRecord(base: AuditBase, at: Date, result: CheckResult, stopped?: 'timed-out' | 'interrupted'): AuditRecord {
  const outcome = auditOutcome(result, stopped);
  const summary = stopped ? `${result.summary}; the action was sent and may or may not have taken effect: look before running it again` : result.summary;
  return { ...base, at: at.toISOString(), phase: 'finished', status: result.status, outcome, summary };
}

/**
 * Appends a record to the audit log (JSON lines, secrets redacted), creating its folder when needed: chained to
 * the line before it by its hash, under a lock so that concurrent processes keep the chain whole.
 */
export async function appendAudit(file: string, record: AuditRecord): Promise<void> {
  const redacted = redactDeep(record, secretsFromEnvironment(process.env));
  await appendChained(file, (prevHash) => JSON.stringify({ ...redacted, prevHash }));
}
