import { planJsonSchema, type RawResourceChange } from './plan-schema';

/** What Terraform will do to one resource; a replace keeps its order. */
export type PlannedAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'replace';

/** One resource's planned change (or drift), normalised across plan formats 1.0–1.2. */
export interface ResourceChange {
  address: string;
  type: string;
  mode: 'managed' | 'data';
  action: PlannedAction;
  /** For a replace: destroy first (`["delete","create"]`, the default) or create first (`create_before_destroy`). */
  replaceOrder?: 'delete-first' | 'create-first';
  /** Terraform's `action_reason` (`replace_because_cannot_update`, `delete_because_no_resource_config`). */
  reason?: string;
  /** Attribute paths that force the replace. */
  replacePaths?: string[];
  before: unknown;
  after: unknown;
}

/** A parsed plan: its format, Terraform version, changes and drift. */
export interface TerraformPlan {
  formatVersion: string;
  terraformVersion: string | null;
  changes: ResourceChange[];
  drift: ResourceChange[];
  /** True when Terraform reported the plan itself as errored (format 1.2). */
  errored: boolean;
}

/** Raised for JSON that is not a `terraform show -json` plan of a format this parser reads. */
export class PlanFormatError extends Error {
  override name = 'PlanFormatError';
  constructor(
    message: string,
    readonly formatVersion: string | null,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** The plan formats this parser reads: major 1 (Terraform 0.12 to 1.x, OpenTofu). */
export const supportedMajorFormat = 1;

function actionOf(actions: readonly string[]): Pick<ResourceChange, 'action' | 'replaceOrder'> {
  if (actions.length === 2) {
    if (actions[0] === 'delete' && actions[1] === 'create') return { action: 'replace', replaceOrder: 'delete-first' };
    if (actions[0] === 'create' && actions[1] === 'delete') return { action: 'replace', replaceOrder: 'create-first' };
    throw new PlanFormatError(`Unexpected actions ${JSON.stringify(actions)}, expected ["delete","create"] or ["create","delete"]`, null);
  }
  return { action: actions[0] as PlannedAction };
}

function normalise(raw: RawResourceChange): ResourceChange {
  const { action, replaceOrder } = actionOf(raw.change.actions);
  return {
    address: raw.address,
    type: raw.type,
    mode: raw.mode,
    action,
    ...(replaceOrder ? { replaceOrder } : {}),
    ...(raw.action_reason ? { reason: raw.action_reason } : {}),
    ...(raw.change.replace_paths?.length ? { replacePaths: raw.change.replace_paths.map((path) => path.join('.')) } : {}),
    before: raw.change.before ?? null,
    after: raw.change.after ?? null,
  };
}

/** Parses `terraform show -json` output (format 1.0–1.x); throws PlanFormatError with the problems found. */
export function parsePlan(json: unknown): TerraformPlan {
  const version = typeof json === 'object' && json && 'format_version' in json ? String((json as { format_version: unknown }).format_version) : null;
  if (version === null) throw new PlanFormatError('Unexpected JSON without format_version, expected the output of terraform show -json PLANFILE', null);
  const major = Number(version.split('.')[0]);
  if (major !== supportedMajorFormat) throw new PlanFormatError(`Unexpected plan format ${version}, expected 1.x (1.0–1.2 are known)`, version);
  const parsed = planJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PlanFormatError(`Malformed plan (format ${version}): ${issues.slice(0, 3).join('; ')}`, version, issues);
  }
  const plan = parsed.data;
  return {
    formatVersion: plan.format_version,
    terraformVersion: plan.terraform_version ?? null,
    changes: plan.resource_changes.map(normalise),
    drift: plan.resource_drift.map(normalise),
    errored: plan.errored ?? false,
  };
}
