import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, type ManifestNode } from './manifest';
import { judgeIncremental, judgeIncrementalModels } from './rerunnable-models';

const realDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'real', 'dbt');
const present = existsSync(realDir);
const manifest = (file: string) => parseManifest(JSON.parse(readFileSync(path.join(realDir, file), 'utf8')));
const kinds = (file: string) => judgeIncrementalModels(manifest(file)).map((v) => `${v.model} ${v.kind}`);

describe.skipIf(!present)(`incremental models of real manifests (../shared/real/dbt${present ? '' : ' is absent: skipped'})`, () => {
  it('v12 (dbt 1.10.11, duckdb): keys given as lists merge; incremental models without a unique_key append', () => {
    expect(kinds('manifest_v12_1.10.11__scooters.json')).toEqual(['events_clean keyed', 'revenue_daily keyed', 'revenue_monthly_report appends', 'trips_users appends']);
    const events = judgeIncrementalModels(manifest('manifest_v12_1.10.11__scooters.json')).find((v) => v.model === 'events_clean')!;
    expect(events).toMatchObject({ kind: 'keyed', uniqueKey: ['user_id', 'timestamp', 'type_id'] });
  });

  it('v4 (jaffle shop): an insert_overwrite model with no unique_key replaces its partitions', () => {
    expect(kinds('manifest_v4_jaffle.json')).toEqual(['test_insert_overwrite replacing']);
  });

  it('v6, v8 and the other v12 manifests: no incremental model, nothing to judge', () => {
    for (const file of ['manifest_v6_jaffle.json', 'manifest_v8_dbt1.4.5_piperider.json', 'manifest_v12_dbt1.10.11_duckdb.json', 'manifest_v12_dbt1.10.9_snowflake_flightpipeline.json']) expect(kinds(file), file).toEqual([]);
  });
});

describe('judging one incremental model', () => {
  const node = (config: Partial<Pick<ManifestNode, 'uniqueKey' | 'incrementalStrategy'>>): ManifestNode =>
    ({ name: 'fct', originalFilePath: 'models/fct.sql', resourceType: 'model', materialized: 'incremental', uniqueKey: null, incrementalStrategy: null, ...config }) as ManifestNode;

  it('reads a column, a list, an empty string and an empty list as written', () => {
    expect(judgeIncremental(node({ uniqueKey: 'id' }))).toMatchObject({ kind: 'keyed', uniqueKey: ['id'] });
    expect(judgeIncremental(node({ uniqueKey: ['a', 'b'] }))).toMatchObject({ kind: 'keyed', uniqueKey: ['a', 'b'] });
    expect(judgeIncremental(node({ uniqueKey: '' }))).toMatchObject({ kind: 'appends' });
    expect(judgeIncremental(node({ uniqueKey: [] }))).toMatchObject({ kind: 'appends' });
  });

  it('lets microbatch replace its batches, and calls append and merge without a key appending', () => {
    expect(judgeIncremental(node({ incrementalStrategy: 'microbatch' }))).toMatchObject({ kind: 'replacing', strategy: 'microbatch' });
    expect(judgeIncremental(node({ incrementalStrategy: 'append' }))).toMatchObject({ kind: 'appends', strategy: 'append' });
    expect(judgeIncremental(node({ incrementalStrategy: 'merge' }))).toMatchObject({ kind: 'appends', strategy: 'merge' });
  });

  it('names a unique_key or strategy it cannot read instead of guessing', () => {
    expect(judgeIncremental(node({ uniqueKey: { column: 'id' } }))).toEqual({ model: 'fct', path: 'models/fct.sql', kind: 'unreadable', problem: 'config.unique_key is {"column":"id"}, expected a column name, a list of column names, or null' });
    expect(judgeIncremental(node({ incrementalStrategy: 3 }))).toMatchObject({ kind: 'unreadable', problem: expect.stringContaining('config.incremental_strategy is 3') });
  });
});
