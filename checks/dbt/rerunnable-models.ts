import { defineCheck, error, evidence, fail, pass } from '../../src/check-api';
import { loadManifest } from '../../src/diagnostics/dbt/load-artifacts';
import { judgeIncrementalModels } from '../../src/diagnostics/dbt/rerunnable-models';

/** 5.4, "dbt models are deterministic and re-runnable": no incremental model appends without a unique_key. */
export default defineCheck({
  id: 'rerunnable-models',
  title: 'dbt models can be re-run without duplicating rows',
  establishes: 'Every incremental model of the manifest has a unique_key (a re-run merges) or a replacing incremental_strategy (insert_overwrite, microbatch); tables and views are rebuilt whole.',
  kind: 'check',
  uses: ['dbt:manifest.json'],
  async run(ctx) {
    const loaded = loadManifest(ctx.clients.dbt());
    const verdicts = judgeIncrementalModels(loaded.value);
    const seen = [evidence('manifest', loaded.path), evidence('dbt version', loaded.value.dbtVersion), evidence('incremental models', verdicts.map((v) => ({ ...v, ...('uniqueKey' in v ? { uniqueKey: [...v.uniqueKey] } : {}) })))];
    const unreadable = verdicts.filter((v) => v.kind === 'unreadable');
    if (unreadable.length) {
      const problem = `unreadable incremental config in ${loaded.path}: ${unreadable.map((v) => `${v.model}: ${v.kind === 'unreadable' ? v.problem : ''}`).join('; ')}`;
      return error(problem, new Error(problem), { evidence: seen });
    }
    const appending = verdicts.filter((v) => v.kind === 'appends');
    if (appending.length) {
      const named = appending.map((v) => `${v.model}${v.path ? ` (${v.path})` : ''}`).join(', ');
      return fail(`incremental model${appending.length > 1 ? 's' : ''} without a unique_key: ${named}; a re-run appends the same rows again. Set unique_key (or an insert_overwrite / microbatch strategy)`, { evidence: seen });
    }
    const models = [...loaded.value.nodes.values()].filter((node) => node.resourceType === 'model').length;
    if (verdicts.length === 0) return pass(`none of the ${models} models is incremental: every run rebuilds them whole`, { evidence: seen });
    return pass(`all ${verdicts.length} incremental models merge on a unique_key or replace their partitions; the other ${models - verdicts.length} models are rebuilt whole`, { evidence: seen });
  },
});
