import type { Status, StepResult } from './result';
import type { Severity, StepRole } from './runbook';

/** The version of the result document; bump it when a field changes meaning or goes away. */
export const reportVersion = 1;

/** One step's outcome in a run. */
export type StepOutcome = StepResult & {
  step: string;
  scenario: string;
  role: StepRole;
  text: string;
  /** The check id, or null when the step has no check yet. */
  check: string | null;
  kind: 'check' | 'action' | null;
  durationMs: number;
  /** Set when another step of the run links the same check: its one run is this outcome too (`durationMs` is 0 here). */
  sharedWith?: string;
};

/** Counts of outcomes by status. */
export type Totals = Record<Status, number>;

/** A scenario of the run, as the report names it. */
export interface ReportScenario {
  id: string;
  title: string;
  severity: Severity | null;
}

/** The versioned result document of one run: what the terminal shows, `--json` prints and the site reads. */
export interface RunReport {
  version: typeof reportVersion;
  environment: string;
  world: string | null;
  selection: string[];
  scenarios: ReportScenario[];
  fix: boolean;
  startedAt: string;
  durationMs: number;
  totals: Totals;
  results: StepOutcome[];
}
