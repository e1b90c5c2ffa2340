import type { PlannedAction, ResourceChange } from './resource-change';

/** How many resources each action touches, plus imports and moves (which come on top of an action, often a no-op). */
export type ActionCounts = Record<PlannedAction | 'import' | 'move', number>;

/** Counts planned actions by kind (a replace counts once, as a replace); imports and moves are counted besides. */
export function countActions(changes: readonly ResourceChange[]): ActionCounts {
  const counts: ActionCounts = { create: 0, update: 0, delete: 0, replace: 0, read: 0, 'no-op': 0, forget: 0, import: 0, move: 0 };
  for (const change of changes) {
    counts[change.action]++;
    if (change.importing) counts.import++;
    if (change.previousAddress) counts.move++;
  }
  return counts;
}

/** The counts as Terraform's summary line would put them, with forgets, reads and moves when there are any. */
export function describeCounts(counts: ActionCounts): string {
  const optional = (n: number, text: string) => (n ? [`${n} ${text}`] : []);
  return [
    ...optional(counts.import, 'to import'),
    `${counts.create} to create`,
    `${counts.update} to update`,
    `${counts.replace} to replace`,
    `${counts.delete} to delete`,
    ...optional(counts.forget, 'to forget'),
    ...optional(counts.read, 'to read'),
    ...optional(counts.move, 'moved'),
  ].join(', ');
}
