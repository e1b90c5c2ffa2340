/** Where a run saves its result document, relative to the project root; the site reads it at build time. */
export const latestReportPath = '.runbook/results/latest.json';

/** Where actions append their audit records (JSON lines), relative to the project root. */
export const auditLogPath = '.runbook/audit.jsonl';
