import type { ResourceChange } from './resource-change';

/** A resource that changed outside Terraform, and which attributes differ from the state. */
export interface DriftedResource {
  address: string;
  type: string;
  /** `update` (changed), `delete` (gone outside Terraform). */
  action: string;
  changedAttributes: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Dotted paths whose values differ between two JSON values; arrays compare whole; depth is bounded. */
export function changedPaths(before: unknown, after: unknown, prefix = '', depth = 4): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (depth === 0 || !isObject(before) || !isObject(after)) return [prefix || '(whole resource)'];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key, depth - 1));
}

/** The plan's `resource_drift` as drifted resources with their changed attributes. */
export function describeDrift(drift: readonly ResourceChange[]): DriftedResource[] {
  return drift
    .filter((entry) => entry.action !== 'no-op')
    .map((entry) => ({ address: entry.address, type: entry.type, action: entry.action, changedAttributes: entry.action === 'delete' ? [] : changedPaths(entry.before, entry.after) }));
}
