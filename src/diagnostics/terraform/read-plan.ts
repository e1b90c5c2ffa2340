import { planJsonSchema, type RawCheckResult } from './plan-schema';
import { classifyPlanJson } from './classify-plan-json';
import { NotAPlanError, PlanFormatError } from './plan-errors';
import { normaliseChange, type ResourceChange } from './resource-change';

/** A change Terraform deferred to a later plan (`deferred_changes`), with its reason (`resource_config_unknown`, …). */
export interface DeferredChange extends ResourceChange {
  deferReason: string;
}

/** The outcome of one check block, precondition, postcondition or validation, with its failure messages. */
export interface PlanCheck {
  address: string;
  kind: string | null;
  status: 'pass' | 'fail' | 'error' | 'unknown';
  problems: string[];
}

/** A parsed plan: its format, Terraform version, changes, drift, deferrals, checks and whether Terraform finished planning. */
export interface TerraformPlan {
  formatVersion: string;
  terraformVersion: string | null;
  changes: ResourceChange[];
  drift: ResourceChange[];
  deferred: DeferredChange[];
  checks: PlanCheck[];
  /** True when Terraform stopped planning at an error (`"errored": true`): changes after the error are missing. */
  errored: boolean;
  /** `"complete"` (format 1.2): false after `-target` or deferrals, when another plan must follow; null where the format has no such field. */
  complete: boolean | null;
  applyable: boolean | null;
}

/** The plan formats this parser reads: 0.1 and 0.2 (Terraform 0.12 to 1.0), 1.x (Terraform 1.1 and later, OpenTofu). */
export const supportedFormats = /^(0\.[12]|1\.\d+)$/;

function checkOf(raw: RawCheckResult): PlanCheck {
  const problems = (raw.instances ?? []).flatMap((instance) => (instance.problems ?? []).map((problem) => problem.message));
  return { address: raw.address.to_display ?? '(unnamed check)', kind: raw.address.kind ?? null, status: raw.status, problems: [...new Set(problems)] };
}

/**
 * Parses `terraform show -json PLANFILE` output (formats 0.1–1.x). A state document, a state file or the
 * `terraform plan -json` UI stream raises NotAPlanError; anything else unreadable, PlanFormatError with the problems found.
 */
export function parsePlan(json: unknown, input = 'the plan JSON'): TerraformPlan {
  const kind = classifyPlanJson(json);
  if (kind !== 'plan') throw new NotAPlanError(kind, input, json);
  const version = String((json as { format_version: unknown }).format_version);
  if (!supportedFormats.test(version)) throw new PlanFormatError(`${input}: Unexpected plan format ${version}, expected 0.1, 0.2 or 1.x (Terraform 0.12 to 1.11 write these)`, version);
  const parsed = planJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PlanFormatError(`${input}: Malformed plan (format ${version}): ${issues.slice(0, 3).join('; ')}`, version, issues);
  }
  const plan = parsed.data;
  return {
    formatVersion: plan.format_version,
    terraformVersion: plan.terraform_version ?? null,
    changes: plan.resource_changes.map(normaliseChange),
    drift: plan.resource_drift.map(normaliseChange),
    deferred: plan.deferred_changes.map((entry) => ({ ...normaliseChange(entry.resource_change), deferReason: entry.reason })),
    checks: plan.checks.map(checkOf),
    errored: plan.errored ?? false,
    complete: plan.complete ?? null,
    applyable: plan.applyable ?? null,
  };
}
