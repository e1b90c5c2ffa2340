import type { Manifest, ManifestNode } from './manifest';
import { testsOf } from './tested-model';

/** Where a model's grain comes from. */
export type GrainSource = 'unique test' | 'unique combination test' | 'configuration';

/** The key columns a model is declared unique on. */
export interface Grain {
  columns: string[];
  source: GrainSource;
}

const columnName = /^[A-Za-z_][\w$]*$/;

/** Raised when a declared grain names something that is not a plain column, so it cannot go into SQL safely. */
export class UnsafeGrainColumnError extends Error {
  override name = 'UnsafeGrainColumnError';
  constructor(readonly model: string, readonly column: string) {
    super(`model ${model} declares its grain on "${column}", which is not a plain column name; declare it in dbt.grain instead`);
  }
}

/**
 * The grains of a model: its `unique` test columns, its `unique_combination_of_columns` tests, and a grain
 * from the configuration. Empty when it declares none.
 */
export function declaredGrains(model: ManifestNode, manifest: Manifest, configured?: readonly string[]): Grain[] {
  const grains: Grain[] = [];
  const add = (columns: string[], source: GrainSource) => {
    for (const column of columns) if (!columnName.test(column)) throw new UnsafeGrainColumnError(model.name, column);
    if (!grains.some((g) => g.columns.join() === columns.join())) grains.push({ columns, source });
  };
  if (configured?.length) add([...configured], 'configuration');
  for (const test of testsOf(model, manifest)) {
    const meta = test.testMetadata;
    if (meta?.name === 'unique') {
      const column = String(meta.kwargs.column_name ?? test.columnName ?? '');
      if (column) add([column.replace(/^"(.*)"$/, '$1')], 'unique test');
    } else if (meta?.name === 'unique_combination_of_columns') {
      const columns = meta.kwargs.combination_of_columns;
      if (Array.isArray(columns) && columns.length) add(columns.map(String), 'unique combination test');
    }
  }
  return grains;
}

/** The relation to query for a model: `relation_name`, else database.schema.alias. */
export function modelRelation(model: ManifestNode): string | null {
  if (model.relationName) return model.relationName;
  const parts = [model.database, model.schema, model.alias ?? model.name].filter((p): p is string => Boolean(p));
  return parts.length === 3 ? parts.join('.') : null;
}

/** The duplicate-key queries for a grain: a count of duplicated keys and a few sample keys. */
export function duplicateKeyQueries(relation: string, columns: readonly string[], samples: number): { count: string; sample: string } {
  const keys = columns.join(', ');
  const grouped = `SELECT ${keys}, COUNT(*) AS ROW_COUNT FROM ${relation} GROUP BY ${keys} HAVING COUNT(*) > 1`;
  return {
    count: `SELECT COUNT(*) AS DUPLICATE_KEYS, COALESCE(SUM(ROW_COUNT - 1), 0) AS EXTRA_ROWS FROM (${grouped}) AS DUPLICATES`,
    sample: `${grouped} ORDER BY ROW_COUNT DESC, ${keys} LIMIT ${Math.trunc(samples)}`,
  };
}
