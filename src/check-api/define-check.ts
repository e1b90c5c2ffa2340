import type { CheckResult, Evidence } from '../model';
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

/** What an action would do: shown before it runs, recorded in the audit log when it does. */
export interface ActionPlan {
  /** One sentence: what will change (`ALTER EXTERNAL TABLE … REFRESH`). */
  description: string;
  evidence: Evidence[];
}

/**
 * A step that changes something. `plan` is read-only and may decline with a verdict (nothing to do);
 * `apply` runs only when the user passed `--fix`.
 */
export interface ActionCheck<P extends string = string> extends CommonDefinition<P> {
  kind: 'action';
  plan(ctx: CheckContext<P>): Promise<ActionPlan | CheckResult>;
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
