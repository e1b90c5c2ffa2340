import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import { isProblem, parseRunResults } from './run-results';
import { MalformedArtifactError, UnsupportedSchemaVersionError } from './schema-version';
import { testedModel, testSqlFile } from './tested-model';
import { upstreamModels } from './upstream';

const realDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'real', 'dbt');
const present = existsSync(realDir);
const files = present ? readdirSync(realDir).filter((f) => f.endsWith('.json')) : [];
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(realDir, file), 'utf8'));

describe.skipIf(!present)(`real dbt artifacts (../shared/real/dbt${present ? '' : ' is absent: skipped'})`, () => {
  it.each(files.filter((f) => f.startsWith('run_results')))('%s parses into results with known statuses', (file) => {
    const parsed = parseRunResults(read(file));
    expect(parsed.results.length).toBeGreaterThan(0);
    expect(parsed.results.every((r) => !r.status.startsWith('unknown:'))).toBe(true);
    expect(Number(/_v(\d+)_/.exec(file)![1])).toBe(parsed.schemaVersion);
  });

  it.each(files.filter((f) => f.startsWith('manifest')))('%s parses, and every test on a model maps to that model', (file) => {
    const manifest = parseManifest(read(file));
    const tests = [...manifest.nodes.values()].filter((n) => n.resourceType === 'test');
    expect([...manifest.nodes.values()].some((n) => n.resourceType === 'model')).toBe(true);
    const unmapped = tests.filter((t) => !testedModel(t, manifest) && t.dependsOn.some((d) => d.startsWith('model.')));
    expect(unmapped.map((t) => t.uniqueId)).toEqual([]);
    expect(manifest.parentMap.size).toBeGreaterThan(0);
  });

  it('the failing Snowflake test of dbt 1.10 maps to its model and its compiled SQL file', () => {
    const results = parseRunResults(read('run_results_v6_dbt1.10.9_snowflake_test_fail.json'));
    const manifest = parseManifest(read('manifest_v12_dbt1.10.9_snowflake_flightpipeline.json'));
    const failing = results.results.filter(isProblem);
    expect(failing.map((r) => [r.uniqueId, r.status, r.failures])).toEqual([['test.flights_dbt.not_null_my_first_dbt_model_id.5fb22c2710', 'fail', 1]]);
    const test = manifest.nodes.get(failing[0]!.uniqueId)!;
    expect(testedModel(test, manifest)?.uniqueId).toBe('model.flights_dbt.my_first_dbt_model');
    expect(testSqlFile(test).sqlFile).toMatch(/^target\/compiled\/flights_dbt\/models\/example\/schema\.yml\/not_null_my_first_dbt_model_id\.sql$/);
  });

  it('the v2 run results keep the error row with empty timing and a null failure count', () => {
    const results = parseRunResults(read('run_results_v2_dbt0.20_snowflake_test_fail_and_error.json'));
    const errored = results.results.find((r) => r.status === 'error')!;
    expect(errored).toMatchObject({ failures: null, startedAt: null, uniqueId: 'test.my_new_project.assert_city_exists' });
    expect(results.command).toBe('test');
  });

  it('the jaffle shop v4 manifest (no attached_node) finds the parents of a mart through its parent map', () => {
    const manifest = parseManifest(read('manifest_v4_jaffle.json'));
    const upstream = upstreamModels('model.jaffle_shop.orders', manifest).map((u) => u.node.name);
    expect(upstream).toEqual(expect.arrayContaining(['stg_orders', 'stg_payments']));
  });
});

describe('artifact versions', () => {
  it('an unknown run_results schema version is a clear, typed error naming the supported ones', () => {
    const document = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v9.json', dbt_version: '2.0.0', generated_at: 'x' }, results: [] };
    expect(() => parseRunResults(document)).toThrow(UnsupportedSchemaVersionError);
    expect(() => parseRunResults(document)).toThrow(/run-results schema v9 \(written by dbt 2\.0\.0\), expected one of v2, v3, v4, v5, v6/);
  });

  it('a manifest handed to the run_results parser is reported as the wrong kind, not parsed', () => {
    const document = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes: {} };
    expect(() => parseRunResults(document)).toThrow(MalformedArtifactError);
  });

  it('a run_results whose rows lack unique ids is malformed, with the offending path', () => {
    const document = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json', generated_at: 'x' }, results: [{ status: 'pass' }] };
    expect(() => parseRunResults(document)).toThrow(/results\.0\.unique_id/);
  });
});
