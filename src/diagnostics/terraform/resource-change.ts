import { PlanFormatError } from './plan-errors';
import type { RawResourceChange } from './plan-schema';

/** What Terraform will do to one resource; a replace keeps its order. `forget` removes it from state and leaves it standing. */
export type PlannedAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'replace' | 'forget';

/** How a replace happens: destroy first (the default), create first (`create_before_destroy`), or create and forget the old object. */
export type ReplaceOrder = 'delete-first' | 'create-first' | 'create-then-forget';

/** One resource's planned change (or drift), normalised across plan formats 0.1–1.2. */
export interface ResourceChange {
  address: string;
  type: string;
  mode: 'managed' | 'data';
  action: PlannedAction;
  replaceOrder?: ReplaceOrder;
  /** Terraform's `action_reason` (`replace_because_cannot_update`, `delete_because_no_resource_config`). */
  reason?: string;
  /** Attribute paths that force the replace. */
  replacePaths?: string[];
  /** Where a `moved` block moved it from. */
  previousAddress?: string;
  /** Set when the change imports an existing object (`import` block); `id` is null while the import id is unknown. */
  importing?: { id: string | null };
  before: unknown;
  after: unknown;
}

/** Raised for a `change.actions` pair Terraform does not write. */
export class UnknownPlanActionError extends PlanFormatError {
  override name = 'UnknownPlanActionError';
  constructor(readonly address: string, readonly actions: readonly string[]) {
    super(`Unexpected actions ${JSON.stringify(actions)} for ${address}, expected one action or ["delete","create"], ["create","delete"], ["create","forget"]`, null);
  }
}

const pairs: Record<string, ReplaceOrder> = { 'delete,create': 'delete-first', 'create,delete': 'create-first', 'create,forget': 'create-then-forget' };

function actionOf(address: string, actions: readonly string[]): Pick<ResourceChange, 'action' | 'replaceOrder'> {
  if (actions.length === 1) return { action: actions[0] as PlannedAction };
  const replaceOrder = pairs[actions.join(',')];
  if (!replaceOrder) throw new UnknownPlanActionError(address, actions);
  return { action: 'replace', replaceOrder };
}

/** A raw `resource_changes`/`resource_drift` entry as a ResourceChange. */
export function normaliseChange(raw: RawResourceChange): ResourceChange {
  const { action, replaceOrder } = actionOf(raw.address, raw.change.actions);
  const importing = raw.change.importing;
  return {
    address: raw.address,
    type: raw.type,
    mode: raw.mode,
    action,
    ...(replaceOrder ? { replaceOrder } : {}),
    ...(raw.action_reason ? { reason: raw.action_reason } : {}),
    ...(raw.change.replace_paths?.length ? { replacePaths: raw.change.replace_paths.map((path) => path.join('.')) } : {}),
    ...(raw.previous_address && raw.previous_address !== raw.address ? { previousAddress: raw.previous_address } : {}),
    ...(importing ? { importing: { id: importing.id ?? null } } : {}),
    before: raw.change.before ?? null,
    after: raw.change.after ?? null,
  };
}

/** True when applying the change destroys a real object: a delete, or a replace that does not merely forget the old one. */
export function destroysObject(change: Pick<ResourceChange, 'action' | 'replaceOrder'>): boolean {
  return change.action === 'delete' || (change.action === 'replace' && change.replaceOrder !== 'create-then-forget');
}
