import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import dbtTestResults from '../checks/dbt/dbt-test-results';
import { createRunMemo, type CheckContext } from '../src/check-api';
import { createServiceClients, dbtTarget } from '../src/clients';
import { dbtSchema } from '../src/config/areas/dbt';
import type { EnvironmentConfig } from '../src/config';
import type { CheckResult } from '../src/model';
import { hasRealArtifacts, realArtifactsSkipMessage, realDir } from '../src/diagnostics/stepfunctions/real-artifacts.test-support';
import { root } from './support/project';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A dbt project directory whose target/ holds the given real artifacts (copied at test time, never committed). */
function project(runResults: string, manifest: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-dbt-real-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'target'));
  copyFileSync(runResults, path.join(dir, 'target', 'run_results.json'));
  copyFileSync(manifest, path.join(dir, 'target', 'manifest.json'));
  return dir;
}

/** Runs 3.4.1 with the real dbt client reading `dir`, as the artifacts are (dbt is not run). */
async function run341(dir: string): Promise<CheckResult> {
  const config = dbtSchema.parse({ runTests: 'never', artifactMaxAgeHours: 1e7 });
  const clients = createServiceClients({ dbt: dbtTarget(config, dir, {}) }, { readOnly: true });
  const signal = new AbortController().signal;
  const memo = createRunMemo();
  const ctx: CheckContext = { environment: 'real-artifacts', config: { dbt: config } as EnvironmentConfig, clients, clock: { now: () => new Date() }, params: {}, signal, log: () => undefined, memo: memo.forCheck(signal) };
  try {
    if (dbtTestResults.kind !== 'check') throw new Error('3.4.1 is a check');
    return await dbtTestResults.run(ctx);
  } finally {
    memo.close();
    await clients.close();
  }
}

const real = (file: string) => path.join(realDir, 'dbt', file);

describe.skipIf(!hasRealArtifacts)(`3.4.1 on real dbt artifacts (${hasRealArtifacts ? '../shared/real/dbt' : realArtifactsSkipMessage})`, () => {
  it('a build with a source test over its warn threshold warns, naming the source test and its rows, and counts the no-op', async () => {
    const result = await run341(project(real('rr_v6_1.10.11_build_warn216_noop_exposure__scooters.json'), real('manifest_v12_1.10.11__scooters.json')));
    expect(result.status).toBe('warn');
    expect(result.summary).toContain('1 test over the warn threshold in the dbt build');
    expect(result.summary).toContain('source test source_not_null_scooters_raw_users_sex on source scooters_raw.users (warn, 216 rows) (PASS=57 WARN=1 ERROR=0 SKIP=0 NO-OP=1 TOTAL=59)');
  });

  it('a failing test fails, mapped to its model', async () => {
    const result = await run341(project(real('run_results_v6_dbt1.10.9_snowflake_test_fail.json'), real('manifest_v12_dbt1.10.9_snowflake_flightpipeline.json')));
    expect(result).toMatchObject({ status: 'fail', summary: expect.stringContaining('1 failing in the dbt') });
    expect(result.evidence.find((e) => e.label === 'failures')?.value).toEqual([expect.objectContaining({ model: 'my_first_dbt_model', failures: 1 })]);
  });

  it('a dbt 0.20 project (run_results v2, manifest v2) still reports its failures, unmapped, and says which manifests are read', async () => {
    const manifest = path.join(root, 'test', 'fixtures', 'real', 'dbt', 'manifest_v2_dbt0.20_snowflake__metadata_only.json');
    const result = await run341(project(real('run_results_v2_dbt0.20_snowflake_test_fail_and_error.json'), manifest));
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('2 failing in the dbt test');
    expect(result.summary).toContain('tests not mapped to models: Unexpected manifest schema v2 (written by dbt 0.20.0rc1)');
    expect(result.summary).toContain('written by dbt 1.0 to 1.11');
  });
});
