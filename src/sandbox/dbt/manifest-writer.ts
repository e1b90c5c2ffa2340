import { createHash } from 'node:crypto';
import type { DbtSection, DbtTestSpec } from './state';

const schemaUrl = (kind: string, version: number) => `https://schemas.getdbt.com/dbt/${kind}/v${version}.json`;
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** A generic test's node name, as dbt derives it (`unique_fct_reviews_review_id`). */
export function testUniqueId(section: DbtSection, name: string): string {
  return `test.${section.project}.${name}.${hash(name)}`;
}

/** The compiled SQL of a generic test, as dbt's default test macros write it. */
export function testSql(test: DbtTestSpec, relation: string, section: DbtSection): string {
  switch (test.test) {
    case 'unique':
      return `\n\nselect\n    ${test.column} as unique_field,\n    count(*) as n_records\n\nfrom ${relation}\nwhere ${test.column} is not null\ngroup by ${test.column}\nhaving count(*) > 1\n`;
    case 'not_null':
      return `\n\nselect ${test.column}\nfrom ${relation}\nwhere ${test.column} is null\n`;
    case 'relationships': {
      const to = section.models[test.to ?? ''];
      const parent = to ? `${section.profile.toUpperCase()}.${to.schema}.${(test.to ?? '').toUpperCase()}` : 'UNKNOWN';
      return `\nwith child as (\n    select ${test.column} as from_field\n    from ${relation}\n    where ${test.column} is not null\n),\n\nparent as (\n    select ${test.field} as to_field\n    from ${parent}\n)\n\nselect\n    from_field\n\nfrom child\nleft join parent\n    on child.from_field = parent.to_field\n\nwhere parent.to_field is null\n`;
    }
    default:
      return `\nselect ${test.column} from ${relation} where ${test.column} not in (${(test.values ?? []).map((v) => `'${v}'`).join(', ')})\n`;
  }
}

/** The warehouse relation of a model: DATABASE.SCHEMA.NAME in upper case, as dbt-snowflake writes relation_name. */
export function modelRelation(section: DbtSection, model: string): string {
  return `ANALYTICS.${section.models[model]!.schema}.${model.toUpperCase()}`;
}

/** Writes a schema v12 manifest for the section's project, with parent and child maps. */
export function buildManifest(section: DbtSection, generatedAt: string, invocationId: string): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  const parentMap: Record<string, string[]> = {};
  const created = new Date(section.invocation.startedAt).getTime() / 1000;
  const common = { package_name: section.project, tags: [], meta: {}, description: '', group: null, docs: { show: true, node_color: null }, created_at: created, language: 'sql', contract: { enforced: false, alias_types: true, checksum: null }, metrics: [], doc_blocks: [] };

  for (const [key, source] of Object.entries(section.sources)) {
    const [sourceName, table] = key.split('.') as [string, string];
    const id = `source.${section.project}.${sourceName}.${table}`;
    sources[id] = {
      database: source.database, schema: source.schema, name: table, resource_type: 'source', package_name: section.project,
      path: 'models/staging/sources.yml', original_file_path: 'models/staging/sources.yml', unique_id: id, fqn: [section.project, 'staging', sourceName, table],
      source_name: sourceName, source_description: '', loader: 'snowflake external table', identifier: source.identifier,
      quoting: { database: null, schema: null, identifier: null, column: null }, loaded_at_field: source.loadedAtField, loaded_at_query: null,
      freshness: { warn_after: { count: source.warnAfterHours, period: 'hour' }, error_after: { count: source.errorAfterHours, period: 'hour' }, filter: null },
      external: null, description: '', columns: {}, meta: {}, source_meta: {}, tags: [], config: { enabled: true, event_time: null, freshness: null },
      patch_path: null, unrendered_config: {}, relation_name: `${source.database}.${source.schema}.${source.identifier}`, created_at: created, unrendered_database: null, unrendered_schema: null, doc_blocks: [],
    };
    parentMap[id] = [];
  }

  for (const [name, model] of Object.entries(section.models)) {
    const id = `model.${section.project}.${name}`;
    const dependsOn = [...model.refs.map((ref) => `model.${section.project}.${ref}`), ...model.sources.map((s) => `source.${section.project}.${s}`)];
    nodes[id] = {
      database: 'ANALYTICS', schema: model.schema, name, resource_type: 'model', ...common,
      path: `${model.folder}/${name}.sql`, original_file_path: `models/${model.folder}/${name}.sql`, unique_id: id, fqn: [section.project, model.folder, name], alias: name,
      checksum: { name: 'sha256', checksum: createHash('sha256').update(model.sql).digest('hex') },
      config: { enabled: true, alias: null, schema: model.schema.toLowerCase(), database: null, tags: [], meta: {}, materialized: model.materialized, on_schema_change: 'ignore', persist_docs: {}, quoting: {}, column_types: {}, full_refresh: null, unique_key: model.uniqueKey ?? null, ...(model.incrementalStrategy ? { incremental_strategy: model.incrementalStrategy } : {}), docs: { show: true, node_color: null }, contract: { enforced: false, alias_types: true }, access: 'protected' },
      columns: {}, patch_path: null, build_path: null, unrendered_config: { materialized: model.materialized, ...(model.uniqueKey ? { unique_key: model.uniqueKey } : {}) },
      relation_name: modelRelation(section, name), raw_code: model.sql,
      refs: model.refs.map((ref) => ({ name: ref, package: null, version: null })), sources: model.sources.map((s) => s.split('.')),
      depends_on: { macros: [], nodes: dependsOn },
      compiled_path: `target/compiled/${section.project}/models/${model.folder}/${name}.sql`, compiled: true, compiled_code: model.sql, extra_ctes_injected: true, extra_ctes: [],
      access: 'protected', constraints: [], version: null, latest_version: null, deprecation_date: null, primary_key: [], time_spine: null,
    };
    parentMap[id] = dependsOn;
  }

  for (const [name, test] of Object.entries(section.tests)) {
    const id = testUniqueId(section, name);
    const model = section.models[test.model];
    if (!model) continue;
    const modelId = `model.${section.project}.${test.model}`;
    const dependsOn = test.to ? [`model.${section.project}.${test.to}`, modelId] : [modelId];
    const declaredIn = `models/${model.folder}/schema.yml`;
    const kwargs: Record<string, unknown> = { column_name: test.column, model: `{{ get_where_subquery(ref('${test.model}')) }}` };
    if (test.to) Object.assign(kwargs, { to: `ref('${test.to}')`, field: test.field });
    if (test.values) kwargs.values = test.values;
    nodes[id] = {
      database: 'ANALYTICS', schema: 'DBT_TEST__AUDIT', name, resource_type: 'test', ...common,
      path: `${name}.sql`, original_file_path: declaredIn, unique_id: id, fqn: [section.project, model.folder, name], alias: name,
      checksum: { name: 'none', checksum: '' },
      config: { enabled: true, alias: null, schema: 'dbt_test__audit', database: null, tags: [], meta: {}, materialized: 'test', severity: 'ERROR', store_failures: null, store_failures_as: null, where: null, limit: null, fail_calc: 'count(*)', warn_if: '!= 0', error_if: '!= 0' },
      column_name: test.column, file_key_name: `models.${test.model}`, attached_node: modelId,
      test_metadata: { name: test.test, kwargs, namespace: null },
      build_path: null, unrendered_config: {}, relation_name: null, raw_code: `{{ test_${test.test}(**_dbt_generic_test_kwargs) }}`,
      refs: (test.to ? [test.to, test.model] : [test.model]).map((ref) => ({ name: ref, package: null, version: null })), sources: [],
      depends_on: { macros: [`macro.dbt.test_${test.test}`, 'macro.dbt.get_where_subquery'], nodes: dependsOn },
      compiled_path: `target/compiled/${section.project}/${declaredIn}/${name}.sql`, compiled: true,
      compiled_code: testSql(test, modelRelation(section, test.model), section), extra_ctes_injected: true, extra_ctes: [],
    };
    parentMap[id] = dependsOn;
  }

  const childMap: Record<string, string[]> = Object.fromEntries(Object.keys(parentMap).map((id) => [id, [] as string[]]));
  for (const [child, parents] of Object.entries(parentMap)) for (const parent of parents) (childMap[parent] ??= []).push(child);

  return {
    metadata: {
      dbt_schema_version: schemaUrl('manifest', 12), dbt_version: section.invocation.dbtVersion, generated_at: generatedAt, invocation_id: invocationId,
      invocation_started_at: section.invocation.startedAt, env: {}, project_name: section.project, project_id: hash(section.project), user_id: null,
      send_anonymous_usage_stats: false, adapter_type: 'snowflake', quoting: { database: false, schema: false, identifier: false, column: null },
    },
    nodes, sources, macros: {}, docs: {}, exposures: {}, metrics: {}, groups: {}, selectors: {}, disabled: {},
    parent_map: parentMap, child_map: childMap, group_map: {}, saved_queries: {}, semantic_models: {}, unit_tests: {},
  };
}
