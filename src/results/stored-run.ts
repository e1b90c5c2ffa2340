import type { RunReport } from '../model';

/** The version of a stored run entry; bump it when a field changes meaning or goes away (adding one does not). */
export const storedRunVersion = 1;

/**
 * One run as the results store keeps it: who ran what, where, from which commit of the runbook, and the
 * result document itself. `startedAt`, `durationMs`, `environment` and `world` repeat the report's, so a
 * listing never needs to open the report.
 */
export interface StoredRun {
  version: typeof storedRunVersion;
  /** The run's id: its file name without `.json`, ordered by start time (`20251126T015044123Z-3f9a1c`). */
  id: string;
  /** When the run started, as an ISO timestamp. */
  startedAt: string;
  durationMs: number;
  /** The environment of runbook.config.ts the run went against, and its sandbox world (null elsewhere). */
  environment: string;
  world: string | null;
  /** True when the environment is the sandbox (a simulator), false for a real one. */
  sandbox: boolean;
  /** The git commit of the runbook the run used, or null when the project is not in git. */
  commit: string | null;
  /** The arguments after `npm run check --`, as given (secrets redacted). */
  command: string[];
  /** Who ran it: the OS user name, or `unknown`. */
  user: string;
  /** The versioned result document, as `--json` prints it. */
  report: RunReport;
}
