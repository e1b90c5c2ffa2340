import { combineVerdicts, defineCheck, evidence, fail, pass, skip, type SubjectVerdict } from '../../src/check-api';
import { affectedModels } from '../../src/diagnostics/dbt/failures';
import { declaredGrains, duplicateKeyQueries, modelRelation } from '../../src/diagnostics/dbt/grain';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';
import type { ManifestNode } from '../../src/diagnostics/dbt/manifest';

const safeRelation = /^("?[\w$]+"?\.){0,2}"?[\w$]+"?$/;

/** Raised for a relation name that cannot go into SQL as is. */
class UnsafeRelationError extends Error {
  override name = 'UnsafeRelationError';
  constructor(readonly relation: string) {
    super(`relation ${relation} is not a plain DATABASE.SCHEMA.NAME`);
  }
}

/** 3.4.4: duplicate keys at each failing model's declared grain (unique / unique-combination tests, or configured), counted in Snowflake. */
export default defineCheck({
  id: 'model-grain-duplicates',
  title: 'Validate grain assumptions',
  establishes: "No key repeats at the model's declared grain (its unique or unique-combination test columns, or a configured grain); otherwise the count of duplicated keys and sample keys.",
  kind: 'check',
  uses: ['dbt:manifest.json', 'dbt:run_results.json', 'snowflake:SELECT'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const run = loadRunResults(dbt).value;
    const manifest = loadManifest(dbt).value;
    const { failing, skipped } = affectedModels(run, manifest);
    const models = (failing.length + skipped.length ? [...failing, ...skipped] : [...manifest.nodes.values()]).filter((n) => n.resourceType === 'model');
    const withGrain = models.map((model) => ({ model, grains: declaredGrains(model, manifest, dbt.grain[model.name]) })).filter((m) => m.grains.length > 0);
    if (withGrain.length === 0) return skip(`no declared grain for ${models.map((m) => m.name).join(', ') || 'any model'}: add a unique test or dbt.grain in runbook.config.ts`);
    const session = await ctx.clients.snowflake();
    const verdicts: SubjectVerdict[] = [];
    for (const { model, grains } of withGrain) verdicts.push({ subject: model.name, result: await checkModel(model, grains) });
    return combineVerdicts(verdicts);

    async function checkModel(model: ManifestNode, grains: ReturnType<typeof declaredGrains>) {
      const relation = modelRelation(model);
      if (!relation) return skip(`${model.name} has no relation in the manifest (ephemeral?)`);
      if (!safeRelation.test(relation)) throw new UnsafeRelationError(relation);
      const parts = [];
      for (const grain of grains) {
        const queries = duplicateKeyQueries(relation, grain.columns, dbt.sampleKeys);
        const [counts] = await session.query(queries.count);
        const duplicateKeys = Number(counts?.DUPLICATE_KEYS ?? 0);
        const extraRows = Number(counts?.EXTRA_ROWS ?? 0);
        const samples = duplicateKeys > 0 ? await session.query(queries.sample) : [];
        parts.push({ grain: grain.columns, source: grain.source, duplicateKeys, extraRows, samples: samples.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v as string | number | null)]))), query: queries.count });
      }
      const seen = [evidence('relation', relation), evidence('grains', parts)];
      const broken = parts.filter((p) => p.duplicateKeys > 0);
      if (broken.length) {
        const first = broken[0]!;
        return fail(`${relation} has ${first.duplicateKeys} duplicated ${first.grain.join(', ')} key${first.duplicateKeys === 1 ? '' : 's'} (${first.extraRows} extra rows) at its declared grain (${first.source})`, { evidence: seen });
      }
      return pass(`${relation} is unique on ${parts.map((p) => p.grain.join(' + ')).join(' and ')}`, { evidence: seen });
    }
  },
});
