import { defineCheck, evidence, pass, skip } from '../../src/check-api';
import { affectedModels, describeFailure, failureName, failures } from '../../src/diagnostics/dbt/failures';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';

/** 3.4.2: maps each failing test to the model it tests (and each erroring model to itself), with the test's SQL file. */
export default defineCheck({
  id: 'failing-model',
  title: 'Identify the failing model',
  establishes: "Each failing test of the latest run is mapped to the model it tests (attached node or depends_on), with the model's file and the test's SQL file.",
  kind: 'check',
  uses: ['dbt:run_results.json', 'dbt:manifest.json'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const run = loadRunResults(dbt).value;
    const manifest = loadManifest(dbt).value;
    const found = failures(run, manifest);
    if (found.length === 0) return skip('no failing tests or models in the latest dbt run: nothing to identify');
    const { failing, skipped } = affectedModels(run, manifest);
    const seen = [
      evidence('failing models', failing.map((m) => ({ model: m.name, file: m.originalFilePath, relation: m.relationName }))),
      evidence('failures', found.map(describeFailure)),
      evidence('skipped downstream', skipped.map((m) => m.name)),
    ];
    const onSources = found.filter((f) => !f.model && f.source).map(failureName);
    const unmapped = found.filter((f) => !f.model && !f.source).map((f) => f.result.uniqueId);
    if (onSources.length) seen.push(evidence('failing tests on sources', onSources));
    if (unmapped.length) seen.push(evidence('not mapped to a model', unmapped));
    const names = failing.map((m) => `${m.name} (${m.originalFilePath ?? 'file unknown'})`);
    const sources = onSources.length ? `; ${onSources.join(', ')}: no model to fix, the loaded data breaks the test` : '';
    const models = names.length || !onSources.length ? `failing model${failing.length === 1 ? '' : 's'}: ${names.join(', ') || 'none mapped'}` : 'no failing model';
    return pass(`${models}${sources}${skipped.length ? `; ${skipped.length} downstream model(s) skipped` : ''}`, { evidence: seen });
  },
});
