/** Where actions append their audit records (JSON lines), relative to the project root. */
export const auditLogPath = '.runbook/audit.jsonl';
