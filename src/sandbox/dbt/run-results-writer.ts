import { randomUUID } from 'node:crypto';
import { modelRelation, testSql, testUniqueId } from './manifest-writer';
import type { DbtSection } from './state';

const iso = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

/** Writes a schema v6 run_results.json for the section's recorded invocation: models first, then tests, in DAG order. */
export function buildRunResults(section: DbtSection, invocationId: string): Record<string, unknown> {
  const start = new Date(section.invocation.startedAt).getTime();
  const end = new Date(section.invocation.finishedAt).getTime();
  const entries = [
    ...Object.entries(section.models).filter(([, m]) => m.result).map(([name, m]) => ({ id: `model.${section.project}.${name}`, result: m.result!, code: m.sql, relation: modelRelation(section, name) as string | null })),
    ...Object.entries(section.tests).filter(([, t]) => t.result && section.models[t.model]).map(([name, t]) => ({ id: testUniqueId(section, name), result: t.result!, code: testSql(t, modelRelation(section, t.model), section), relation: null })),
  ];
  const step = entries.length ? (end - start) / entries.length : 0;
  const results = entries.map((entry, i) => {
    const begin = start + i * step;
    const ran = entry.result.status !== 'skipped';
    const failures = entry.id.startsWith('test.') ? (entry.result.failures ?? (entry.result.status === 'pass' ? 0 : null)) : null;
    const message = entry.result.message ?? (entry.result.status === 'success' ? 'SUCCESS 1' : entry.result.status === 'pass' ? null : entry.result.status === 'fail' ? `Got ${failures} result${failures === 1 ? '' : 's'}, configured to fail if != 0` : null);
    return {
      status: entry.result.status,
      timing: ran ? [
        { name: 'compile', started_at: iso(begin), completed_at: iso(begin + step * 0.1) },
        { name: 'execute', started_at: iso(begin + step * 0.1), completed_at: iso(begin + step * 0.9) },
      ] : [],
      thread_id: `Thread-${(i % 4) + 1} (worker)`,
      execution_time: ran ? (step * 0.9) / 1000 : 0,
      adapter_response: ran && entry.result.status !== 'error' ? { _message: 'SUCCESS 1', code: 'SUCCESS', rows_affected: 1, query_id: randomUUID() } : {},
      message,
      failures,
      unique_id: entry.id,
      compiled: ran,
      compiled_code: ran ? entry.code : null,
      relation_name: entry.relation,
      batch_results: null,
    };
  });
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json', dbt_version: section.invocation.dbtVersion,
      generated_at: section.invocation.finishedAt, invocation_id: invocationId, invocation_started_at: section.invocation.startedAt, env: {},
    },
    results,
    elapsed_time: (end - start) / 1000,
    args: { which: section.invocation.command, project_dir: '.', profiles_dir: '.', target: null, write_json: true, log_format: 'default', use_colors: false, printer_width: 80, quiet: false, warn_error_options: { include: [], exclude: [] } },
  };
}

/** Writes a schema v3 sources.json, as `dbt source freshness` does; null when the section records none. */
export function buildSources(section: DbtSection, invocationId: string): Record<string, unknown> | null {
  if (!section.freshness) return null;
  const snapshot = section.freshness.generatedAt;
  return {
    metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json', dbt_version: section.invocation.dbtVersion, generated_at: snapshot, invocation_id: invocationId, env: {} },
    results: Object.entries(section.freshness.results).map(([key, result]) => {
      const source = section.sources[key];
      const criteria = source
        ? { warn_after: { count: source.warnAfterHours, period: 'hour' }, error_after: { count: source.errorAfterHours, period: 'hour' }, filter: null }
        : { warn_after: { count: null, period: null }, error_after: { count: null, period: null }, filter: null };
      return {
        unique_id: `source.${section.project}.${key}`,
        max_loaded_at: result.maxLoadedAt,
        snapshotted_at: snapshot,
        max_loaded_at_time_ago_in_s: (new Date(snapshot).getTime() - new Date(result.maxLoadedAt).getTime()) / 1000,
        status: result.status,
        criteria,
        adapter_response: {},
        timing: [],
        thread_id: 'Thread-1',
        execution_time: 0.4,
      };
    }),
    elapsed_time: 1.2,
  };
}
