import { defineCheck, evidence, skip } from '../../src/check-api';
import { affectedModels } from '../../src/diagnostics/dbt/failures';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';

/** 3.4.5: a manual step; names the files of the failing models to edit. */
export default defineCheck({
  id: 'fix-transformation-logic',
  title: 'Fix the transformation logic (manual)',
  establishes: 'Nothing automatic: this step is a code change. The check names the file of each failing model to edit.',
  kind: 'check',
  uses: ['dbt:run_results.json', 'dbt:manifest.json'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const run = loadRunResults(dbt).value;
    const manifest = loadManifest(dbt).value;
    const { failing } = affectedModels(run, manifest);
    const files = failing.map((m) => ({ model: m.name, file: m.originalFilePath, absolute: m.originalFilePath ? `${dbt.projectDir}/${m.originalFilePath}` : null }));
    if (files.length === 0) return skip('manual step: no failing model in the latest dbt run, nothing to fix', { evidence: [evidence('project', dbt.projectDir)] });
    return skip(`manual step: fix ${files.map((f) => f.file ?? f.model).join(', ')}, then re-run dbt build and 3.4.1`, {
      evidence: [evidence('files to edit', files)],
    });
  },
});
