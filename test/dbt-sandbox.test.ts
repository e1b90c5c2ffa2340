import './support/no-egress';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createDbtClient } from '../src/clients/dbt';
import { openSnowflake } from '../src/clients/snowflake';
import { dbtTarget } from '../src/clients/targets';
import { dbtSchema } from '../src/config/areas/dbt';
import { classifyConnectionError } from '../src/diagnostics/dbt/connectivity';
import { parseManifest } from '../src/diagnostics/dbt/manifest';
import { parseRunResults } from '../src/diagnostics/dbt/run-results';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { materializeProject } from '../src/sandbox/dbt/materialize';
import { dbtSectionSchema } from '../src/sandbox/dbt/state';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { listWorlds, loadWorld } from '../src/sandbox/world/load-world';
import { describeOutcomes, root, runInWorld } from './support/project';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ world: 'dbt-unique-test-fail' });
});
afterAll(() => sandbox.stop());

const session = () =>
  openSnowflake(
    { account: 'sandbox', accessUrl: sandbox.url, database: 'ANALYTICS', schema: 'MARTS', warehouse: 'ANALYTICS_WH', timeoutMs: 10_000, explicitCredentials: { username: sandboxCredentials.snowflake.username, password: sandboxCredentials.snowflake.password } },
    { readOnly: true },
  );

describe('the simulated Snowflake answers plain SELECTs with a real SQL engine', () => {
  it('returns numbers, text and timestamps through snowflake-sdk as Snowflake types them', async () => {
    const db = await session();
    const rows = await db.query('SELECT REVIEW_ID, COUNT(*) AS N, MAX(RATING) AS RATING, MAX(REVIEWED_AT) AS REVIEWED_AT FROM FCT_REVIEWS GROUP BY REVIEW_ID HAVING COUNT(*) > 1 ORDER BY N DESC, REVIEW_ID');
    expect(rows).toEqual([
      { REVIEW_ID: 'A1UPZM995ZAH90-B00004Y2UT', N: 3, RATING: 5, REVIEWED_AT: expect.anything() },
      { REVIEW_ID: 'A94QU4C90B1AX-1384719342', N: 2, RATING: 5, REVIEWED_AT: expect.anything() },
    ]);
    expect(new Date(String(rows[0]!.REVIEWED_AT)).toISOString()).toBe('2014-01-19T00:00:00.000Z');
    await db.close();
  });

  it('a missing table is Snowflake\'s "does not exist or not authorized" error, code 002003', async () => {
    const db = await session();
    await expect(db.query('SELECT * FROM ANALYTICS.MARTS.NO_SUCH_TABLE')).rejects.toMatchObject({ code: '002003' });
    await db.close();
  });

  it('logs every SELECT it answered in the call log, as a read', async () => {
    sandbox.calls.clear();
    const db = await session();
    await db.query('SELECT 2 AS TWO');
    await db.close();
    expect(sandbox.calls.all().filter((c) => c.operation === 'SELECT')).toEqual([expect.objectContaining({ statement: 'SELECT 2 AS TWO', mutates: false })]);
  });
});

describe("the world's dbt project fixture", () => {
  it('writes schema v12 manifest and v6 run_results that the parsers read, with the failing unique test', () => {
    const dir = sandbox.states.dbt.project!.projectDir;
    const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'target', 'manifest.json'), 'utf8')));
    const results = parseRunResults(JSON.parse(readFileSync(path.join(dir, 'target', 'run_results.json'), 'utf8')));
    expect([manifest.schemaVersion, results.schemaVersion]).toEqual([12, 6]);
    expect(results.results.find((r) => r.status === 'fail')).toMatchObject({ failures: 2, message: 'Got 2 results, configured to fail if != 0' });
    expect(manifest.parentMap.get('model.amazon_reviews.fct_reviews')).toEqual(['model.amazon_reviews.stg_reviews', 'model.amazon_reviews.stg_products']);
    expect(existsSync(path.join(dir, 'models', 'marts', 'fct_reviews.sql'))).toBe(true);
  });

  const real = path.resolve(root, '..', 'shared', 'real', 'dbt', 'run_results_v6_dbt1.10.9_snowflake_test_fail.json');
  it.skipIf(!existsSync(real))(`has run result rows with the same fields as a real dbt 1.10 Snowflake run${existsSync(real) ? '' : ' (../shared/real is absent: skipped)'}`, () => {
    const dir = sandbox.states.dbt.project!.projectDir;
    const keys = (file: string) => Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { results: object[] }).results[0]!).sort();
    expect(keys(path.join(dir, 'target', 'run_results.json'))).toEqual(keys(real));
  });

  const worldsWithDbt = listWorlds().filter((name) => loadWorld(name, new Date()).sections.dbt !== undefined);
  it.each(worldsWithDbt)('%s: its YAML files read back as the world describes them, as dbt reads YAML (1.1)', (name) => {
    const section = dbtSectionSchema.parse(loadWorld(name, new Date()).sections.dbt);
    const project = materializeProject(section);
    try {
      const read = (relative: string) => parseYaml(readFileSync(path.join(project.projectDir, relative), 'utf8'), { version: '1.1' });
      expect(read('profiles.yml')).toEqual(section.profiles);
      expect(read('dbt_project.yml')).toMatchObject({ name: section.project, profile: section.profile, 'config-version': 2 });
      const folders = new Set(Object.values(section.models).map((model) => model.folder));
      const described = [...folders].flatMap((folder) => (read(`models/${folder}/schema.yml`) as { models: { name: string }[] }).models.map((model) => model.name));
      expect(described.sort()).toEqual(Object.keys(section.models).sort());
      if (Object.keys(section.packages).length) expect(read('packages.yml')).toEqual({ packages: Object.entries(section.packages).map(([name, spec]) => ({ package: name, version: spec.version })) });
    } finally {
      project.remove();
    }
  });

  it('is removed when the world is replaced', async () => {
    const other = await startSandbox({ world: 'healthy' });
    const dir = other.states.dbt.project!.projectDir;
    await other.loadWorld('dbt-upstream-staging-error');
    expect(existsSync(dir)).toBe(false);
    await other.stop();
    expect(existsSync(other.states.dbt.project!.projectDir)).toBe(false);
  });
});

describe('the 3.4 symptom, read from the artifacts without running dbt', () => {
  it.each([
    ['healthy', 'pass', /^all 6 tests passed in the dbt build /],
    ['dbt-unique-test-fail', 'fail', /^dbt test fails: 1 failing in the dbt build .*: unique: unique_fct_reviews_review_id \(2 rows\)$/],
    ['dbt-upstream-staging-error', 'fail', /^dbt test fails: 5 tests could not run in the dbt build .* because stg_reviews errored upstream$/],
  ])('%s: 3.4.s1 is %s', async (world, status, summary) => {
    const report = await runInWorld(world, ['3.4.s1']);
    const [step] = report.results;
    expect(step, describeOutcomes(report)).toMatchObject({ step: '3.4.s1', check: 'dbt-test-failed', status });
    expect(step!.summary).toMatch(summary);
  }, 60_000);

  it('names the failing test with its kind, and the skipped tests with the model that broke upstream', async () => {
    const [unique, upstream] = await Promise.all([runInWorld('dbt-unique-test-fail', ['3.4.s1']), runInWorld('dbt-upstream-staging-error', ['3.4.s1'])]);
    const value = (report: typeof unique, label: string) => report.results[0]!.evidence.find((e) => e.label === label)?.value;
    expect(value(unique, 'failing tests')).toEqual([expect.objectContaining({ test: 'unique_fct_reviews_review_id', kind: 'unique', status: 'fail', failures: 2 })]);
    expect(value(upstream, 'failing tests')).toEqual([]);
    expect((value(upstream, 'skipped because upstream broke') as Array<{ kind: string }>).map((t) => t.kind).sort()).toEqual(['not_null', 'not_null', 'relationships', 'unique', 'unique']);
    expect(value(upstream, 'broken upstream nodes')).toEqual([{ node: 'model.amazon_reviews.stg_reviews', status: 'error' }]);
  }, 60_000);
});

describe('3.4.1 with dbt installed', () => {
  let bin: string;
  const previousPath = process.env.PATH;
  beforeAll(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'fake-dbt-'));
    writeFileSync(path.join(bin, 'dbt'), '#!/bin/sh\necho "Running with dbt=1.10.9"\necho "Failure in test unique_fct_reviews_review_id (models/marts/schema.yml)"\necho "Done. PASS=8 WARN=0 ERROR=1 SKIP=0 TOTAL=9"\nexit 1\n');
    chmodSync(path.join(bin, 'dbt'), 0o755);
    process.env.PATH = `${bin}${path.delimiter}${previousPath}`;
  });
  afterAll(() => {
    process.env.PATH = previousPath;
    rmSync(bin, { recursive: true, force: true });
  });

  it('runs the configured dbt test command, keeps its output, and reports the failing test', async () => {
    const report = await runInWorld('dbt-unique-test-fail', ['3.4.1']);
    const step = report.results.find((r) => r.step === '3.4.1')!;
    expect(step.status, describeOutcomes(report)).toBe('fail');
    expect(step.summary).toMatch(/ran `dbt test` \(exit code 1\)/);
    expect(step.evidence.find((e) => e.label === 'output (last lines)')?.value).toContain('Failure in test unique_fct_reviews_review_id (models/marts/schema.yml)');
  }, 60_000);
});

describe('the dbt profile connection', () => {
  it("a wrong password is told apart as an authentication problem by the driver's error code", async () => {
    const client = createDbtClient(dbtTarget(dbtSchema.parse({}), sandbox.states.dbt.project!.projectDir, {}));
    const attempt = client.connectSnowflake({ account: 'sandbox', user: 'SANDBOX', password: 'wrong', host: '127.0.0.1', port: sandbox.port, protocol: 'http', warehouse: null, database: null, schema: null, role: null });
    const failure = await attempt.then(() => null, (error: unknown) => error);
    expect(classifyConnectionError(failure)).toBe('auth');
  });

  it('a closed port is seen by the TCP probe at once, without the driver\'s retries', async () => {
    const client = createDbtClient(dbtTarget(dbtSchema.parse({}), sandbox.states.dbt.project!.projectDir, {}));
    const started = Date.now();
    expect(await client.probe('127.0.0.1', 1)).toEqual({ open: false, code: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
