import type { CheckResult, Evidence, JsonValue } from '../model';
import type { CheckContext } from './context';

/** A parameter a check accepts through `--param name=value`. */
export interface ParamSpec {
  description: string;
}

interface CommonDefinition<P extends string> {
  /** Equals the module's file name without extension. */
  id: string;
  title: string;
  /** What a pass of this check establishes, in one sentence. */
  establishes: string;
  /** Service operations the check calls, as `service:Operation` (`s3:GetBucketNotificationConfiguration`). */
  uses: readonly string[];
  params?: Record<P, ParamSpec>;
}

/** A read-only diagnostic: asks the services and returns a verdict. */
export interface ReadOnlyCheck<P extends string = string> extends CommonDefinition<P> {
  kind: 'check';
  run(ctx: CheckContext<P>): Promise<CheckResult>;
}

/** One call an action will send, exactly: the operation as its `uses` entry names it, and every parameter it sends. */
export interface PreviewCall {
  /** `sfn:RedriveExecution`, `snowflake:ALTER EXTERNAL TABLE REFRESH`, `airflow:ClearTaskInstances`, `github:ReRunWorkflowFailedJobs`. */
  operation: string;
  parameters: { [name: string]: JsonValue };
}

/** What an action will send and what it expects to change: shown before it applies (also with `--yes`), kept in the audit record. */
export interface ActionPreview {
  calls: PreviewCall[];
  /** One sentence: the change the calls should make (`the execution runs again from its failed state`). */
  expects: string;
}

/** The answer of an action's re-check, right before it applies: still to do, or no longer, and why. */
export type PreconditionCheck = { holds: true } | { holds: false; reason: string };

/** What an action would do: shown before it runs, recorded in the audit log when it does. */
export interface ActionPlan {
  /** One sentence: what will change (`ALTER EXTERNAL TABLE … REFRESH`). */
  description: string;
  /** The exact calls `apply` sends, and what they should change; `apply` sends these and nothing else. */
  preview: ActionPreview;
  evidence: Evidence[];
}

/**
 * A step that changes something. `plan` is read-only and may decline with a verdict (nothing to do);
 * `precondition` re-reads (read-only, nothing from the run's memo) whether the plan still holds, right before
 * `apply`, which runs only when the user passed `--fix` and confirmed the preview.
 */
export interface ActionCheck<P extends string = string> extends CommonDefinition<P> {
  kind: 'action';
  plan(ctx: CheckContext<P>): Promise<ActionPlan | CheckResult>;
  precondition(ctx: CheckContext<P>, plan: ActionPlan): Promise<PreconditionCheck>;
  apply(ctx: CheckContext<P>, plan: ActionPlan): Promise<CheckResult>;
}

/** A check module's default export. */
export type CheckDefinition<P extends string = string> = ReadOnlyCheck<P> | ActionCheck<P>;

/** Declares a check or action; the identity function that gives the definition its type. */
export function defineCheck<P extends string = never>(definition: CheckDefinition<P>): CheckDefinition<P> {
  return definition;
}

/** True when a plan's value is a verdict (the action declined) rather than a plan. */
export function isVerdict(value: ActionPlan | CheckResult): value is CheckResult {
  return 'status' in value;
}

/** The precondition still holds: the action may apply. */
export const stillHolds: PreconditionCheck = { holds: true };

/** The precondition no longer holds: the action does nothing, and says `reason`. */
export function noLongerHolds(reason: string): PreconditionCheck {
  return { holds: false, reason };
}
