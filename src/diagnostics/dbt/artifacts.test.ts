import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureName, failures, warnings } from './failures';
import { parseManifest } from './manifest';
import { isProblem, parseRunResults } from './run-results';
import { MalformedArtifactError, UnsupportedSchemaVersionError } from './schema-version';
import { summaryLine } from './summarize-run';
import { testedModel, testedSource, testSqlFile } from './tested-model';
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
    expect(() => parseRunResults(document)).toThrow(/run-results schema v9 \(written by dbt 2\.0\.0\), expected one of v2, v3, v4, v5, v6, written by dbt 0\.20 to 1\.11/);
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

describe.skipIf(!present)(`summaries, warnings and source tests of real dbt runs (${present ? '../shared/real/dbt' : 'absent: skipped'})`, () => {
  it.each(files.filter((f) => f.startsWith('run_results') || f.startsWith('rr_')))('%s: the summary counts every result, so its parts add up to TOTAL', (file) => {
    const counts = [...summaryLine(parseRunResults(read(file))).matchAll(/([A-Z][A-Z -]*?)=(\d+)/g)].map((m) => [m[1]!.trim(), Number(m[2])] as const);
    const total = counts.find(([bucket]) => bucket === 'TOTAL')![1];
    expect(counts.filter(([bucket]) => bucket !== 'TOTAL').reduce((sum, [, n]) => sum + n, 0)).toBe(total);
    expect(total).toBe(parseRunResults(read(file)).results.length);
  });

  it('counts the no-op of a dbt 1.10 build (an exposure) in its own NO-OP bucket', () => {
    expect(summaryLine(parseRunResults(read('rr_v6_1.10.11_build_warn216_noop_exposure__scooters.json')))).toBe('PASS=57 WARN=1 ERROR=0 SKIP=0 NO-OP=1 TOTAL=59');
  });

  it('finds the warning test with its 216 rows, and names it as a test on a source', () => {
    const run = parseRunResults(read('rr_v6_1.10.11_build_warn216_noop_exposure__scooters.json'));
    const manifest = parseManifest(read('manifest_v12_1.10.11__scooters.json'));
    expect(failures(run, manifest)).toEqual([]);
    const [warned] = warnings(run, manifest);
    expect(warned).toMatchObject({ model: null, result: { status: 'warn', failures: 216 }, source: { sourceName: 'scooters_raw', name: 'users' } });
    expect(failureName(warned!)).toBe('source test source_not_null_scooters_raw_users_sex on source scooters_raw.users');
  });

  it.each(files.filter((f) => f.startsWith('manifest')))('%s: every test on a source alone maps to that source', (file) => {
    const manifest = parseManifest(read(file));
    const onSources = [...manifest.nodes.values()].filter((n) => n.resourceType === 'test' && n.dependsOn.length > 0 && n.dependsOn.every((d) => d.startsWith('source.')));
    for (const test of onSources) expect(testedSource(test, manifest)?.uniqueId, test.uniqueId).toBe(test.dependsOn[0]);
  });
});

describe('a dbt 0.20 project: run_results v2 supported, manifest v2 not (test/fixtures/real/dbt)', () => {
  it('refuses the manifest naming the dbt releases whose manifests are read', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'dbt', 'manifest_v2_dbt0.20_snowflake__metadata_only.json'), 'utf8'));
    expect(() => parseManifest(manifest)).toThrow(UnsupportedSchemaVersionError);
    expect(() => parseManifest(manifest)).toThrow('Unexpected manifest schema v2 (written by dbt 0.20.0rc1), expected one of v4, v5, v6, v7, v8, v9, v10, v11, v12, written by dbt 1.0 to 1.11');
  });
});
