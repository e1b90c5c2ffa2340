import type { PlannedAction, ResourceChange } from './read-plan';

/** How many resources each action touches: the numbers `Plan: 1 to add, 2 to change, 0 to destroy` summarises. */
export type ActionCounts = Record<PlannedAction, number>;

/** Counts planned actions by kind (a replace counts once, as a replace). */
export function countActions(changes: readonly ResourceChange[]): ActionCounts {
  const counts: ActionCounts = { create: 0, update: 0, delete: 0, replace: 0, read: 0, 'no-op': 0 };
  for (const change of changes) counts[change.action]++;
  return counts;
}
