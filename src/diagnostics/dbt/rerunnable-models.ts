import type { Manifest, ManifestNode } from './manifest';

/** Incremental strategies that replace what a run wrote (whole partitions or batches), so a re-run needs no unique_key. */
export const replacingStrategies = ['insert_overwrite', 'microbatch'] as const;

/** How one incremental model behaves when run again over the same data. */
export type IncrementalVerdict =
  | { model: string; path: string | null; kind: 'keyed'; uniqueKey: string[] }
  | { model: string; path: string | null; kind: 'replacing'; strategy: string }
  | { model: string; path: string | null; kind: 'appends'; strategy: string | null }
  | { model: string; path: string | null; kind: 'unreadable'; problem: string };

/** The columns of a `unique_key` as written (a column, a list), `[]` for none, or null when it is neither. */
function keyColumns(value: unknown): string[] | null {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((column) => typeof column === 'string')) return value.filter(Boolean) as string[];
  return null;
}

/** Judges one incremental model: keyed (a re-run merges), replacing (a re-run overwrites its partitions), or appending (a re-run duplicates rows). */
export function judgeIncremental(node: ManifestNode): IncrementalVerdict {
  const base = { model: node.name, path: node.originalFilePath };
  const columns = keyColumns(node.uniqueKey);
  if (columns === null) return { ...base, kind: 'unreadable', problem: `config.unique_key is ${JSON.stringify(node.uniqueKey)}, expected a column name, a list of column names, or null` };
  if (node.incrementalStrategy !== null && typeof node.incrementalStrategy !== 'string') {
    return { ...base, kind: 'unreadable', problem: `config.incremental_strategy is ${JSON.stringify(node.incrementalStrategy)}, expected a strategy name such as merge or null` };
  }
  const strategy = node.incrementalStrategy;
  if (columns.length) return { ...base, kind: 'keyed', uniqueKey: columns };
  if (strategy && (replacingStrategies as readonly string[]).includes(strategy)) return { ...base, kind: 'replacing', strategy };
  return { ...base, kind: 'appends', strategy };
}

/** The verdicts of every enabled incremental model of the manifest, in name order. */
export function judgeIncrementalModels(manifest: Manifest): IncrementalVerdict[] {
  return [...manifest.nodes.values()]
    .filter((node) => node.resourceType === 'model' && node.materialized === 'incremental')
    .map(judgeIncremental)
    .sort((a, b) => a.model.localeCompare(b.model));
}
