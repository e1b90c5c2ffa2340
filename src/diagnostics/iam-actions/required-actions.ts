import { destroysObject, type ResourceChange } from '../terraform/resource-change';
import { actionsByResourceType, type ResourceTypeActions } from './resource-actions';

/** One IAM action the plan needs, and the resource addresses that need it. */
export interface RequiredAction {
  action: string;
  addresses: string[];
}

/** The IAM actions a plan's changes need, and the changed AWS resource types the table does not know. */
export interface PlanPermissions {
  required: RequiredAction[];
  unmappedTypes: string[];
}

/** The provider calls one change needs: a replace creates (and deletes, unless the old object is only forgotten); a forget calls nothing. */
function callsFor(change: ResourceChange, table: ResourceTypeActions): readonly string[] {
  if (change.action === 'replace') return [...table.create, ...(destroysObject(change) ? table.delete : [])];
  if (change.action === 'create' || change.action === 'update' || change.action === 'delete') return table[change.action];
  return [];
}

/** Maps the plan's managed AWS changes to IAM actions (a replace needs both create and delete). */
export function requiredActions(changes: readonly ResourceChange[]): PlanPermissions {
  const byAction = new Map<string, Set<string>>();
  const unmapped = new Set<string>();
  for (const change of changes) {
    if (change.mode !== 'managed' || change.action === 'no-op' || change.action === 'read' || change.action === 'forget' || !change.type.startsWith('aws_')) continue;
    const table = actionsByResourceType[change.type];
    if (!table) {
      unmapped.add(change.type);
      continue;
    }
    for (const action of callsFor(change, table)) {
      if (!byAction.has(action)) byAction.set(action, new Set());
      byAction.get(action)!.add(change.address);
    }
  }
  const required = [...byAction].map(([action, addresses]) => ({ action, addresses: [...addresses].sort() })).sort((a, b) => a.action.localeCompare(b.action));
  return { required, unmappedTypes: [...unmapped].sort() };
}
