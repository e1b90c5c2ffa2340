import { defineCheck, error, evidence, fail, pass, skip, warn } from '../../src/check-api';
import { declaredFreshness } from '../../src/diagnostics/dbt/freshness-declared';
import { loadManifest } from '../../src/diagnostics/dbt/load-artifacts';
import { MalformedArtifactError } from '../../src/diagnostics/dbt/schema-version';

/** 7.2: every dbt source declares how fresh it must be, so `dbt source freshness` can warn and fail on late data. */
export default defineCheck({
  id: 'source-freshness-declared',
  title: 'dbt sources declare freshness',
  establishes: "Every source in the project's manifest declares freshness.warn_after or freshness.error_after (warn_after shorter than error_after), so dbt source freshness can judge it.",
  kind: 'check',
  uses: ['dbt:manifest.json'],
  async run(ctx) {
    const manifest = loadManifest(ctx.clients.dbt());
    const judged = declaredFreshness(manifest.value.sources.values());
    const seen = [evidence('manifest', { path: manifest.path, dbtVersion: manifest.value.dbtVersion, schemaVersion: manifest.value.schemaVersion }), evidence('sources', judged)];
    if (judged.length === 0) return skip(`${manifest.path} declares no source`, { evidence: seen });
    const unreadable = judged.filter((j) => j.kind === 'unreadable');
    if (unreadable.length) {
      const problem = unreadable.map((j) => `${j.source}: ${j.problem}`).join('; ');
      return error(`cannot read the freshness of ${problem} (in ${manifest.path})`, new MalformedArtifactError('manifest', problem), { evidence: seen });
    }
    const inverted = judged.filter((j) => j.kind === 'inverted');
    if (inverted.length) {
      return fail(`freshness that cannot warn: ${inverted.map((j) => `${j.source} warns after ${j.warnAfter} but errors after ${j.errorAfter}`).join('; ')}`, { evidence: seen });
    }
    const missing = judged.filter((j) => j.kind === 'missing').map((j) => j.source);
    if (missing.length === judged.length) return warn(`not built yet: none of the ${judged.length} sources declares freshness (warn_after / error_after): ${missing.join(', ')}`, { evidence: seen });
    if (missing.length) return warn(`${missing.length} of ${judged.length} sources declare no freshness: ${missing.join(', ')}`, { evidence: seen });
    return pass(`all ${judged.length} sources declare freshness`, { evidence: seen });
  },
});
