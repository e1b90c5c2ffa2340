import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sourceFreshnessDeclared from '../checks/dbt/source-freshness-declared';
import { createRunMemo, type CheckContext } from '../src/check-api';
import { createServiceClients, dbtTarget } from '../src/clients';
import { dbtSchema } from '../src/config/areas/dbt';
import type { EnvironmentConfig } from '../src/config';
import type { CheckResult } from '../src/model';
import { MalformedArtifactError } from '../src/diagnostics/dbt/schema-version';
import { hasRealArtifacts, realArtifactsSkipMessage, realDir } from '../src/diagnostics/stepfunctions/real-artifacts.test-support';
import { checkHarness, evidenceOf } from './support/check-harness';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A dbt project directory whose target/manifest.json is the given file or JSON text (copied at test time, never committed). */
function project(manifest: { file: string } | { text: string }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-dbt-freshness-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'target'));
  if ('file' in manifest) copyFileSync(manifest.file, path.join(dir, 'target', 'manifest.json'));
  else writeFileSync(path.join(dir, 'target', 'manifest.json'), manifest.text);
  return dir;
}

/** Runs 7.2 with the real dbt client reading `dir`. */
async function run72(dir: string): Promise<CheckResult> {
  const config = dbtSchema.parse({ runTests: 'never' });
  const clients = createServiceClients({ dbt: dbtTarget(config, dir, {}) }, { readOnly: true });
  const signal = new AbortController().signal;
  const memo = createRunMemo();
  const ctx: CheckContext = { environment: 'test', config: { dbt: config } as EnvironmentConfig, clients, clock: { now: () => new Date() }, params: {}, signal, log: () => undefined, memo: memo.forCheck(signal) };
  try {
    if (sourceFreshnessDeclared.kind !== 'check') throw new Error('7.2 is a check');
    return await sourceFreshnessDeclared.run(ctx);
  } finally {
    memo.close();
    await clients.close();
  }
}

const real = (file: string) => path.join(realDir, 'dbt', file);
/** A real manifest with its sources' freshness rewritten, as a project that declares it otherwise would have written. */
function withFreshness(file: string, freshness: (id: string) => unknown): string {
  const document = JSON.parse(readFileSync(real(file), 'utf8')) as { sources: Record<string, { freshness: unknown }> };
  for (const [id, source] of Object.entries(document.sources)) source.freshness = freshness(id);
  return JSON.stringify(document);
}

describe('7.2 source-freshness-declared in the sandbox', () => {
  it('passes in healthy: both sources of the world project declare warn_after and error_after', async () => {
    const h = await checkHarness('healthy');
    try {
      const result = await h.run(sourceFreshnessDeclared);
      expect(result).toMatchObject({ status: 'pass', summary: 'all 2 sources declare freshness' });
      expect(evidenceOf(result, 'sources')).toEqual([
        { source: 'raw.reviews_ext', kind: 'declared', warnAfter: '12 hour', errorAfter: '24 hour', loadedAtField: 'LOADED_AT' },
        { source: 'raw.products_ext', kind: 'declared', warnAfter: '48 hour', errorAfter: '96 hour', loadedAtField: 'LOADED_AT' },
      ]);
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!hasRealArtifacts)(`7.2 on real manifests of several dbt versions (${hasRealArtifacts ? '../shared/real/dbt' : realArtifactsSkipMessage})`, () => {
  it('dbt 1.10.11 (v12): one source declares freshness, two leave it null: warns naming them', async () => {
    const result = await run72(project({ file: real('manifest_v12_1.10.11__scooters.json') }));
    expect(result).toMatchObject({ status: 'warn', summary: '2 of 3 sources declare no freshness: scooters_raw.users, scooters_raw.events' });
    expect(evidenceOf(result, 'sources')).toContainEqual({ source: 'scooters_raw.trips', kind: 'declared', warnAfter: '1 day', errorAfter: '3650 day', loadedAtField: 'finished_at' });
  });

  it.each([
    ['manifest_v12_dbt1.10.9_snowflake_flightpipeline.json', 7],
    ['manifest_v12_dbt1.10.11_duckdb.json', 3],
    ['manifest_v8_dbt1.4.5_piperider.json', 1],
  ])('%s: no source declares freshness (counts null): a goal not met, warn', async (file, sources) => {
    const result = await run72(project({ file: real(file) }));
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(new RegExp(`^not built yet: none of the ${sources} sources declares freshness`));
  });

  it.each(['manifest_v4_jaffle.json', 'manifest_v6_jaffle.json'])('%s (dbt 1.0, 1.2): a project without sources skips', async (file) => {
    expect((await run72(project({ file: real(file) }))).status).toBe('skip');
  });

  it('dbt 1.10 freshness set only in config.freshness is read too', async () => {
    const document = JSON.parse(readFileSync(real('manifest_v12_dbt1.10.11_duckdb.json'), 'utf8')) as { sources: Record<string, { freshness: unknown; config: Record<string, unknown> }> };
    for (const source of Object.values(document.sources)) {
      source.freshness = null;
      source.config.freshness = { warn_after: { count: 6, period: 'hour' }, error_after: { count: 1, period: 'day' } };
    }
    expect(await run72(project({ text: JSON.stringify(document) }))).toMatchObject({ status: 'pass', summary: 'all 3 sources declare freshness' });
  });

  it('fails a source that warns no sooner than it errors, and reports error for a period dbt does not know', async () => {
    const inverted = withFreshness('manifest_v12_dbt1.10.11_duckdb.json', () => ({ warn_after: { count: 2, period: 'day' }, error_after: { count: 24, period: 'hour' } }));
    const failed = await run72(project({ text: inverted }));
    expect(failed.status).toBe('fail');
    expect(failed.summary).toContain('raw.products warns after 2 day but errors after 24 hour');
    const weekly = withFreshness('manifest_v12_dbt1.10.11_duckdb.json', () => ({ warn_after: { count: 1, period: 'week' } }));
    const unreadable = await run72(project({ text: weekly }));
    expect(unreadable.status).toBe('error');
    expect(unreadable.summary).toMatch(/^cannot read the freshness of raw\.products: warn_after has the period "week", expected minute, hour or day/);
  });
});

describe('7.2 on a manifest it cannot read', () => {
  it('raises MalformedArtifactError naming the file, which the runner reports as error, never as a pass', async () => {
    await expect(run72(project({ text: '{"metadata": ' }))).rejects.toThrow(MalformedArtifactError);
    await expect(run72(project({ text: '{"metadata": ' }))).rejects.toThrow(/target\/manifest\.json is not JSON/);
  });
});
