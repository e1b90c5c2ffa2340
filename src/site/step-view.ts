import type { Severity, Status, StepRole } from '../model';

/** One piece of evidence as the page shows it: a label and its value already formatted as text. */
export interface EvidenceView {
  label: string;
  value: string;
}

/** A link from a run: clickable only when it leads to a console the run's environment names; text otherwise. */
export interface LinkView {
  label: string;
  url: string;
  clickable: boolean;
}

/** A step's latest outcome in one environment, from the results store. */
export interface StepResultView {
  status: Status;
  /** The status in the step's words (`present`, `ruled out`, `fail`). */
  word: string;
  summary: string;
  evidence: EvidenceView[];
  links: LinkView[];
  /** The environment the run went against (`sandbox`, `prod`), its world when sandboxed, and whether it is the sandbox. */
  environment: string;
  world: string | null;
  sandbox: boolean;
  /** When the run started, as an ISO timestamp. */
  startedAt: string;
  /** When the step's status last changed in this environment, and what it was before (null: never another). */
  statusSince: string;
  previousStatus: Status | null;
  /** The command that reproduces this result (`npm run check -- 3.1.3 --env sandbox --world glue-corrupt-json`). */
  command: string;
  /** For an action: the command that applies it where this result came from. */
  fixCommand?: string;
}

/** Everything the page shows about one step's check: the props of the `RunbookStep` component. */
export interface RunbookStepView {
  stepId: string;
  role: StepRole;
  checkId: string;
  title: string;
  /** What a pass of the check establishes, in one sentence. */
  establishes: string;
  /** `check` is read-only; `action` changes something and applies only with `--fix`. */
  kind: 'check' | 'action';
  /** The command that runs the step: the one reproducing the latest result, or the bare one before any run. */
  command: string;
  /** The command that applies an action; absent for read-only checks. */
  fixCommand?: string;
  /** The latest result in each environment, the most recent first; empty before any run. */
  results: StepResultView[];
}

/** A step without a check: done by hand. The props of the `ManualStep` component. */
export interface ManualStepView {
  stepId: string;
  role: StepRole;
}

/** Counts of a scenario's steps by their latest status; `none` never ran, `manual` have no check. */
export type StatusCounts = Partial<Record<Status | 'none' | 'manual', number>>;

/** One scenario's row in the overview: its latest results in the environment it last ran in. */
export interface ScenarioSummaryView {
  id: string;
  title: string;
  severity: Severity | null;
  /** The id of the doc the scenario is in (`runbook`), and of its heading there. */
  docId: string;
  anchor: string;
  counts: StatusCounts;
  /** True when a step's latest result there is `fail`. */
  failing: boolean;
  /** The latest run of any of its steps, and where; null before any. */
  lastRun: { startedAt: string; environment: string; world: string | null; sandbox: boolean; command: string } | null;
}
