import type { SourcePosition } from './position';

/** How a scenario item is used: an action to take, a symptom to confirm, a cause to rank, a check-list entry, or a note. */
export type StepRole = 'action' | 'symptom' | 'cause' | 'check' | 'note';

/** The incident severities of the runbook's section 4. */
export const severities = ['low', 'medium', 'high', 'critical'] as const;

/** One of the runbook's incident severities. */
export type Severity = (typeof severities)[number];

/** A link from a runbook step to the check module that performs it. */
export interface CheckRef {
  /** The check id: the module's file name without extension (`s3-event-notifications`). */
  id: string;
  /** The link target as written in the Markdown (`../checks/s3/s3-event-notifications.ts`). */
  href: string;
  /** The module path relative to the project root (`checks/s3/s3-event-notifications.ts`). */
  modulePath: string;
  position: SourcePosition;
}

/** One item of a scenario: an action, symptom, cause, check-list entry or note, with its check if linked. */
export interface Step {
  /** `3.3.1` for actions; `3.3.s1`, `3.1.c2`, `3.5.k1`, `3.2.n1` for symptoms, causes, check-list entries and notes. */
  id: string;
  scenarioId: string;
  role: StepRole;
  /** The item's text as a reader sees it, without link syntax. */
  text: string;
  check?: CheckRef;
  position: SourcePosition;
}

/** A failure scenario of section 3, such as `3.3 Snowflake External Table Not Updating`. */
export interface Scenario {
  id: string;
  title: string;
  severity?: Severity;
  steps: Step[];
  position: SourcePosition;
}

/** The whole runbook: every scenario of every parsed document, in document order. */
export interface Runbook {
  files: string[];
  scenarios: Scenario[];
}

/** Every step of the runbook, scenario by scenario. */
export function allSteps(runbook: Runbook): Step[] {
  return runbook.scenarios.flatMap((scenario) => scenario.steps);
}

/**
 * True when a step is reported in a run: every item that links a check, and every action, symptom, cause
 * and check-list entry without one (reported as "no check yet", to be done by hand). Notes without a
 * check (`Important:` paragraphs) are prose, not steps.
 */
export function isReported(step: Step): boolean {
  return step.role !== 'note' || step.check !== undefined;
}
