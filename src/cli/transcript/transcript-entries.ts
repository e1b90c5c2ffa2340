import type { StoredRun } from '../../results';
import { compareRuns } from '../../results';
import type { AuditRecord } from '../../runner/audit';
import { redactDeep } from '../../redaction';
import { actionsTaken, type ActionTaken } from './actions-taken';

/** One entry of an incident's record: a run of the checks, or an action taken. */
export type TranscriptEntry = { kind: 'run'; at: string; run: StoredRun } | { kind: 'action'; at: string; action: ActionTaken };

/** An incident's record: every run and action in the window, in time order, with secrets redacted. */
export interface Transcript {
  since: string;
  environment: string | null;
  generatedAt: string;
  entries: TranscriptEntry[];
}

/** What goes into a transcript besides the store and the audit log. */
export interface TranscriptRequest {
  since: Date;
  environment?: string;
  now: Date;
  /** Secret values to redact besides the shapes redaction always recognises (see secretsFromEnvironment). */
  secrets: readonly string[];
}

/**
 * Builds the transcript of the runs (oldest first) and audit records since a time: runs and actions merged
 * in time order (a run before an action it started at the same instant), everything passed through redaction.
 */
export function buildTranscript(runs: readonly StoredRun[], audit: readonly AuditRecord[], request: TranscriptRequest): Transcript {
  const from = request.since.getTime();
  const inWindow = (at: string, environment: string) => Date.parse(at) >= from && (request.environment === undefined || environment === request.environment);
  const entries: TranscriptEntry[] = [
    ...[...runs].sort(compareRuns).filter((run) => inWindow(run.startedAt, run.environment)).map((run) => ({ kind: 'run' as const, at: run.startedAt, run })),
    ...actionsTaken(audit).filter((action) => inWindow(action.startedAt, action.environment)).map((action) => ({ kind: 'action' as const, at: action.startedAt, action })),
  ];
  // A stable sort: runs keep their store order, actions their log order.
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.kind === b.kind ? 0 : a.kind === 'run' ? -1 : 1));
  return { since: request.since.toISOString(), environment: request.environment ?? null, generatedAt: request.now.toISOString(), entries: redactDeep(entries, request.secrets) };
}
