import { userInfo } from 'node:os';
import { redactDeep, secretsFromEnvironment } from '../redaction';
import { appendLine } from '../util/atomic-file';

/** One line of the audit log: who ran which action where, what it did, and how it ended. */
export interface AuditRecord {
  at: string;
  user: string;
  environment: string;
  world: string | null;
  step: string;
  check: string;
  description: string;
  phase: 'started' | 'finished';
  status?: string;
  summary?: string;
}

/** The user name for audit records, or `unknown` where the OS cannot tell. */
export function currentUser(): string {
  try {
    return process.env.USER ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Appends a record to the audit log (JSON lines, secrets redacted), creating its folder when needed. */
export async function appendAudit(file: string, record: AuditRecord): Promise<void> {
  await appendLine(file, JSON.stringify(redactDeep(record, secretsFromEnvironment(process.env))));
}
