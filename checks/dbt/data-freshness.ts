import { combineVerdicts, defineCheck, evidence, fail, pass, skip, warn, type SubjectVerdict } from '../../src/check-api';
import type { CheckResult } from '../../src/model';
import { formatDuration } from '../../src/diagnostics/duration';
import { judgeFreshness, parseSources, thresholdMs, type FreshnessVerdict } from '../../src/diagnostics/dbt/freshness';
import { loadManifest, readSourcesJson } from '../../src/diagnostics/dbt/load-artifacts';

const plainRelation = /^[\w$]+(\.[\w$]+){0,2}$/;
const plainColumn = /^[A-Za-z_][\w$]*$/;

function verdict(judged: FreshnessVerdict, newest: string | null, extra: Record<string, string | number | null>): CheckResult {
  const seen = [evidence('newest load', newest), evidence('details', extra)];
  if (judged.status === 'empty') return fail('no rows with a load time', { evidence: seen });
  const age = formatDuration(judged.ageMs);
  if (judged.status === 'stale') return fail(`stale: newest data is ${age} old, over its ${formatDuration(judged.limitMs)} SLA`, { evidence: seen });
  if (judged.status === 'warn') return warn(`newest data is ${age} old, past its ${formatDuration(judged.limitMs)} warning threshold`, { evidence: seen });
  return pass(`fresh: newest data ${age} old`, { evidence: seen });
}

/** 3.5 check: the newest loaded data is within its SLA, from `dbt source freshness` output when present, else a query of the newest load time. */
export default defineCheck({
  id: 'data-freshness',
  title: 'Data freshness',
  establishes: "Each source's newest load time is within its SLA as of now: from target/sources.json when dbt wrote one, otherwise by querying MAX(loaded_at) in Snowflake.",
  kind: 'check',
  uses: ['dbt:sources.json', 'dbt:manifest.json', 'snowflake:SELECT'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const now = ctx.clock.now();
    const sourcesJson = readSourcesJson(dbt);
    if (sourcesJson) {
      const artifact = parseSources(sourcesJson.document);
      const parts: SubjectVerdict[] = artifact.results.map((r) => {
        if (r.status === 'runtime error') return { subject: r.uniqueId, result: fail(`dbt could not measure freshness: ${r.error ?? 'runtime error'}`) };
        const judged = judgeFreshness(r.maxLoadedAt ? new Date(r.maxLoadedAt) : null, now, thresholdMs(r.warnAfter), thresholdMs(r.errorAfter));
        return { subject: r.uniqueId.replace(/^source\.[^.]+\./, ''), result: verdict(judged, r.maxLoadedAt, { from: sourcesJson.path, measuredAt: artifact.generatedAt, dbtStatusThen: r.status }) };
      });
      if (parts.length === 0) return skip(`${sourcesJson.path} has no source results`);
      return combineVerdicts(parts);
    }
    const targets = [];
    if (dbt.freshness) targets.push({ subject: dbt.freshness.table, relation: dbt.freshness.table, column: dbt.freshness.loadedAtColumn, warnMs: null, errorMs: dbt.freshness.slaHours * 3_600_000 });
    else {
      for (const source of loadManifest(dbt).value.sources.values()) {
        const errorMs = thresholdMs(source.errorAfter);
        const warnMs = thresholdMs(source.warnAfter);
        if (!source.loadedAtField || (errorMs === null && warnMs === null)) continue;
        const relation = source.relationName ?? [source.database, source.schema, source.identifier ?? source.name].filter(Boolean).join('.');
        targets.push({ subject: `${source.sourceName}.${source.name}`, relation: relation.replaceAll('"', ''), column: source.loadedAtField, warnMs, errorMs });
      }
    }
    if (targets.length === 0) return skip('no sources.json, no source with loaded_at_field and freshness in the manifest, and no dbt.freshness in runbook.config.ts');
    const session = await ctx.clients.snowflake();
    const parts: SubjectVerdict[] = [];
    for (const t of targets) {
      if (!plainRelation.test(t.relation) || !plainColumn.test(t.column)) {
        parts.push({ subject: t.subject, result: skip(`cannot query ${t.relation}.${t.column} safely (not a plain name)`) });
        continue;
      }
      const [row] = await session.query(`SELECT MAX(${t.column}) AS NEWEST FROM ${t.relation}`);
      const raw = row?.NEWEST ?? null;
      const newest = raw === null ? null : raw instanceof Date ? raw : new Date(String(raw));
      const judged = judgeFreshness(newest && !Number.isNaN(newest.getTime()) ? newest : null, now, t.warnMs, t.errorMs);
      parts.push({ subject: t.subject, result: verdict(judged, newest?.toISOString() ?? null, { from: `SELECT MAX(${t.column}) FROM ${t.relation}`, slaHours: t.errorMs === null ? null : t.errorMs / 3_600_000 }) });
    }
    return combineVerdicts(parts);
  },
});
