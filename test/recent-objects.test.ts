import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import externalTableUnregisteredFiles from '../checks/snowflake/external-table-unregistered-files';
import inputDataFormat from '../checks/glue/input-data-format';
import inputSchema from '../checks/glue/input-schema';
import { createRunMemo, type CheckContext, type CheckDefinition } from '../src/check-api';
import { createServiceClients } from '../src/clients';
import { validateConfig, type EnvironmentConfig } from '../src/config';
import { sampleInput } from '../src/diagnostics/reviews/sample-input';
import { scanSample } from '../src/diagnostics/reviews/scan-sample';
import type { CheckResult } from '../src/model';
import { sandboxTargets } from '../src/runner/environment';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { worldsDir } from '../src/sandbox/world/load-world';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';

const sandboxConfig = validateConfig(projectConfig).environments.sandbox!;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'recent-objects-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A worlds folder with the shipped worlds and the given extra ones (`name → { world.json, s3.json }`). */
function worlds(extra: Record<string, Record<string, unknown>>): string {
  const dir = path.join(tmp, `worlds-${Object.keys(extra).join('-')}`);
  cpSync(worldsDir, dir, { recursive: true });
  for (const [name, files] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, name, file), JSON.stringify(content));
  }
  return dir;
}

async function harness(world: string, dir: string) {
  const sandbox = await startSandbox({ world, worldsDir: dir });
  const clients = createServiceClients(sandboxTargets(sandbox, sandboxConfig), { readOnly: true });
  const run = (check: CheckDefinition, env: EnvironmentConfig = sandboxConfig): Promise<CheckResult> => {
    if (check.kind !== 'check') throw new Error(`${check.id} is an action`);
    const signal = new AbortController().signal;
    const ctx: CheckContext = { environment: 'sandbox', config: env, clients, clock: { now: () => new Date() }, params: {}, signal, log: () => undefined, memo: createRunMemo().forCheck(signal) };
    return check.run(ctx);
  };
  return { sandbox, clients, run, close: async () => (await clients.close(), await sandbox.stop()) };
}

/** A record of the 2018 review format, as the backfill of the glue-oom world writes it. */
const validReview = JSON.stringify({ overall: 5.0, verified: false, reviewTime: '11 26, 2026', reviewerID: 'A26BACKFILL', asin: 'B07SANDB00', style: { 'Size:': ' Large' }, reviewerName: 'Backfill', reviewText: 'Fine.', summary: 'Nice shirt', unixReviewTime: 1764115200 }) + '\n';

const s3Calls = (sandbox: Sandbox, operation: string) => sandbox.calls.all().filter((c) => c.service === 's3' && c.operation === operation);

describe('raw input of 100,001 objects whose corrupt object is the newest (issue 16, item 1)', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => {
    // glue-corrupt-json's two objects (the corrupt one newest) behind 100,000 older, valid ones that sort first,
    // under the world's raw input partition: the same date template its s3.json and glue.json name it by.
    const backfill = { prefix: 'reviews/ingest={now-2h:YYYY-MM-DD}/', count: 99_999, pattern: 'backfill-{i}.json', lastModified: 'now-5h', body: validReview };
    const dir = worlds({ 'corrupt-newest': { 'world.json': { description: 'corrupt newest of 100,001', extends: 'glue-corrupt-json' }, 's3.json': { buckets: { 'arai-raw': { generated: [backfill] } } } } });
    h = await harness('corrupt-newest', dir);
  });
  afterAll(() => h.close());

  it.each([
    ['3.1.3', inputDataFormat],
    ['3.1.4', inputSchema],
  ])('%s warns, never passes, and says how many objects it listed and read and that it sampled in key order', async (_step, check) => {
    const result = await h.run(check);
    expect(result.status, result.summary).toBe('warn');
    expect(result.summary).toMatch(/may have missed the newest objects: listed 1000 objects, read 5 \(\d+ bytes\); sampled the first 1000 keys .* in key order/);
  });
});

describe('the newest partitions first: one mechanism for raw-input samples and the 3.3 symptom check', () => {
  const today = new Date().toISOString().slice(0, 10);
  let h: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => {
    const dir = worlds({
      partitioned: {
        'world.json': { description: 'raw partitions under one root, the corrupt object in the newest; 10 million old processed files', extends: 'auto-refresh-off' },
        's3.json': {
          buckets: {
            'arai-raw': {
              objects: { [`root/ingest=${today}/part-00000.json`]: { lastModified: 'now-10m', body: '{"overall": 5.0}\n{"overall": \n' } },
              ranges: [{ prefix: 'root/', partition: 'ingest=YYYY-MM-DD/', newest: 'now-1d', partitions: 100, objectsPerPartition: 1_000, file: 'part-{j}.json', body: validReview }],
            },
            'arai-processed': {
              ranges: [
                // 10 million files in 1,000 daily partitions that ended three days ago, and 5 new files, unregistered, an hour old.
                { prefix: 'reviews/', partition: 'year=YYYY/month=MM/day=DD/', newest: 'now-3d', partitions: 1_000, objectsPerPartition: 10_000 },
                { prefix: 'reviews/', partition: 'year=YYYY/month=MM/day=DD/', newest: 'now-1h', partitions: 1, objectsPerPartition: 5, file: 'new-{j}.parquet' },
              ],
            },
          },
        },
      },
    });
    h = await harness('partitioned', dir);
  });
  afterAll(() => h.close());

  it('a raw sample under a partitioned root reads the newest partition, finds its corrupt line, and lists no other partition', async () => {
    h.sandbox.calls.clear();
    const caps = { ...sandboxConfig.rawInput!, maxObjectsListed: 1_000, maxObjectsRead: 5, maxBytesPerObject: 65_536, maxBytesRead: 262_144, partitionPattern: 'ingest=YYYY-MM-DD/' };
    const sample = await sampleInput(h.clients.s3(), { bucket: 'arai-raw', prefix: 'root/' }, caps, new Date());
    expect(sample.coverage).toMatchObject({ strategy: 'partitions', reachedNewest: true, partitions: [`ingest=${today}/`, expect.any(String)] });
    expect(sample.objects[0]!.key).toBe(`root/ingest=${today}/part-00000.json`);
    expect(scanSample(sample).corrupt).toHaveLength(1);
    expect(s3Calls(h.sandbox, 'ListObjectsV2').length).toBeLessThanOrEqual(3);
  });

  it('without a partition pattern the same sample lists the oldest keys and says it may have missed the newest', async () => {
    const caps = { ...sandboxConfig.rawInput!, maxObjectsListed: 1_000, maxObjectsRead: 5, maxBytesPerObject: 65_536, maxBytesRead: 262_144 };
    const sample = await sampleInput(h.clients.s3(), { bucket: 'arai-raw', prefix: 'root/' }, caps, new Date());
    expect(sample.coverage).toMatchObject({ strategy: 'key-order listing', reachedNewest: false, complete: false });
    expect(sample.coverage.how).toMatch(/sampled the first 1000 keys .* in key order/);
  });

  it('3.3 finds the 5 new unregistered files, and the world\'s own 3, among 10 million objects with a few calls, by listing only the partitions of its window', async () => {
    h.sandbox.calls.clear();
    const env = { ...sandboxConfig, externalTables: { ...sandboxConfig.externalTables!, partitionPattern: 'year=YYYY/month=MM/day=DD/' } };
    const result = await h.run(externalTableUnregisteredFiles, env);
    expect(result.status, result.summary).toBe('fail');
    // The 5 generated files, and auto-refresh-off's own 3 unregistered files of the last 2h, whose keys carry the day of now-2h.
    const generated = [0, 1, 2, 3, 4].map((j) => dated(`reviews/year={now-1h:YYYY}/month={now-1h:MM}/day={now-1h:DD}/new-${j}.parquet`));
    const worlds = [0, 1, 2].map((i) => dated(`reviews/year={now-2h:YYYY}/month={now-2h:MM}/day={now-2h:DD}/part-0000${i}.parquet`));
    expect(result.summary).toMatch(/^8 of 8 new files under s3:\/\/arai-processed\/reviews\/ are not registered/);
    const sample = (result.evidence.find((e) => e.label === 'unregistered sample')?.value ?? []) as Array<{ key: string }>;
    expect(sample.map((o) => o.key).sort()).toEqual([...generated, ...worlds].sort());
    expect(s3Calls(h.sandbox, 'ListObjectsV2').length).toBeLessThanOrEqual(3);
  });

  it('3.3 without a partition pattern warns that its capped listing of 10 million objects did not see the window', async () => {
    const result = await h.run(externalTableUnregisteredFiles);
    expect(result.status, result.summary).toBe('warn');
    expect(result.summary).toMatch(/not every object of the last 24h was seen: sampled the first 5000 keys/);
  });
});
