import type { Step, StepOutcome } from '../model';

/** What a run tells about its steps as they go, for live progress on a terminal. */
export interface RunProgress {
  /** A step's check starts (or, for a step sharing another's check, waits for that run). */
  started(step: Step): void;
  /** A step has its outcome. */
  finished(outcome: StepOutcome): void;
}
