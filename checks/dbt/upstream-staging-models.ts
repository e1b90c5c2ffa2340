import { defineCheck, evidence, fail, pass, skip } from '../../src/check-api';
import { affectedModels } from '../../src/diagnostics/dbt/failures';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';
import { isProblem } from '../../src/diagnostics/dbt/run-results';
import { testsOf } from '../../src/diagnostics/dbt/tested-model';
import { isStaging, upstreamModels } from '../../src/diagnostics/dbt/upstream';

/** 3.4.3: the upstream (staging) models of the failing model, each with its latest status and the status of its tests. */
export default defineCheck({
  id: 'upstream-staging-models',
  title: 'Check the upstream staging models',
  establishes: "Every model upstream of the failing (or skipped) models, per the manifest's parent map, built and passed its tests in the latest run.",
  kind: 'check',
  uses: ['dbt:manifest.json', 'dbt:run_results.json'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const run = loadRunResults(dbt).value;
    const manifest = loadManifest(dbt).value;
    const { failing, skipped } = affectedModels(run, manifest);
    const subjects = [...failing, ...skipped];
    if (subjects.length === 0) return skip('no failing or skipped models in the latest dbt run: no upstream to check');
    const byId = new Map(run.results.map((r) => [r.uniqueId, r]));
    const rows = new Map<string, { model: string; staging: boolean; depth: number; status: string; failingTests: string[]; downstreamOf: string[] }>();
    for (const subject of subjects) {
      for (const { node, depth } of upstreamModels(subject.uniqueId, manifest)) {
        const existing = rows.get(node.uniqueId);
        if (existing) {
          existing.downstreamOf.push(subject.name);
          continue;
        }
        const failingTests = testsOf(node, manifest).filter((t) => {
          const result = byId.get(t.uniqueId);
          return result && (isProblem(result) || result.status === 'skipped');
        });
        rows.set(node.uniqueId, {
          model: node.name,
          staging: isStaging(node),
          depth,
          status: byId.get(node.uniqueId)?.status ?? 'not run in the latest invocation',
          failingTests: failingTests.map((t) => `${t.name}: ${byId.get(t.uniqueId)!.status}`),
          downstreamOf: [subject.name],
        });
      }
    }
    const upstream = [...rows.values()].sort((a, b) => a.depth - b.depth);
    const broken = upstream.filter((row) => row.status === 'error' || row.status === 'skipped' || row.status.startsWith('unknown:') || row.failingTests.length > 0);
    const seen = [
      evidence('models checked', subjects.map((m) => m.name)),
      evidence('upstream models', upstream),
    ];
    if (upstream.length === 0) return pass(`${subjects.map((m) => m.name).join(', ')} read only sources: no upstream models`, { evidence: seen });
    if (broken.length > 0) {
      const names = broken.map((row) => `${row.model} (${row.status}${row.failingTests.length ? `; ${row.failingTests.join(', ')}` : ''})`);
      return fail(`upstream ${broken.some((r) => r.staging) ? 'staging ' : ''}model${broken.length === 1 ? '' : 's'} of ${[...new Set(broken.flatMap((r) => r.downstreamOf))].join(', ')} failed or were skipped: ${names.join(', ')}`, { evidence: seen });
    }
    const staging = upstream.filter((row) => row.staging).map((row) => row.model);
    return pass(`every upstream model built and passed its tests (staging: ${staging.join(', ') || 'none'}): the problem is in ${subjects.map((m) => m.name).join(', ')} itself`, { evidence: seen });
  },
});
