import type { ResourceChange } from '../terraform/read-plan';
import { actionsByResourceType } from './resource-actions';

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

/** Maps the plan's managed AWS changes to IAM actions (a replace needs both create and delete). */
export function requiredActions(changes: readonly ResourceChange[]): PlanPermissions {
  const byAction = new Map<string, Set<string>>();
  const unmapped = new Set<string>();
  for (const change of changes) {
    if (change.mode !== 'managed' || change.action === 'no-op' || change.action === 'read' || !change.type.startsWith('aws_')) continue;
    const table = actionsByResourceType[change.type];
    if (!table) {
      unmapped.add(change.type);
      continue;
    }
    const needed = change.action === 'replace' ? [...table.create, ...table.delete] : table[change.action];
    for (const action of needed) {
      if (!byAction.has(action)) byAction.set(action, new Set());
      byAction.get(action)!.add(change.address);
    }
  }
  const required = [...byAction].map(([action, addresses]) => ({ action, addresses: [...addresses].sort() })).sort((a, b) => a.action.localeCompare(b.action));
  return { required, unmappedTypes: [...unmapped].sort() };
}
