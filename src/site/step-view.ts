import type { Status } from '../model';

/** One piece of evidence as the page shows it: a label and its value already formatted as text. */
export interface EvidenceView {
  label: string;
  value: string;
}

/** A console link from the last run; only http(s) addresses reach the page. */
export interface LinkView {
  label: string;
  url: string;
}

/** The last recorded outcome of a step, from the result document the CLI wrote. */
export interface StepResultView {
  status: Status;
  summary: string;
  evidence: EvidenceView[];
  links: LinkView[];
  /** The environment the run went against (`sandbox`, `prod`), and its world when sandboxed. */
  environment: string;
  world: string | null;
  /** When the run started, as an ISO timestamp. */
  startedAt: string;
}

/** Everything the page shows about one step's check: the props of the `RunbookStep` component. */
export interface RunbookStepView {
  stepId: string;
  checkId: string;
  title: string;
  /** What a pass of the check establishes, in one sentence. */
  establishes: string;
  /** `check` is read-only; `action` changes something and applies only with `--fix`. */
  kind: 'check' | 'action';
  /** The exact command that runs the step (`npm run check -- 3.3.1`). */
  command: string;
  /** The command that applies an action; absent for read-only checks. */
  fixCommand?: string;
  result?: StepResultView;
}
