import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import externalTableUnregisteredFiles from '../../checks/snowflake/external-table-unregistered-files';
import { createRunMemo, type CheckContext } from '../../src/check-api';
import { createServiceClients } from '../../src/clients';
import type { EnvironmentConfig } from '../../src/config';
import { sandboxTargets } from '../../src/runner/environment';
import { startSandbox } from '../../src/sandbox/sandbox';
import { worldsDir } from '../../src/sandbox/world/load-world';
import { timeRuns, type Timing } from './measure';

/** The 3.3 symptom check on a processed prefix of a given size: its verdict, calls, bytes and time. */
export interface SamplingRow {
  objects: number;
  partitionPattern: string | null;
  status: string;
  summary: string;
  calls: number;
  bytes: number;
  time: Timing;
}

/** 3.3's symptom check at 1,000 and at 10 million objects, and the ratios of its calls, bytes and time between them. */
export interface SamplingFigures {
  rows: SamplingRow[];
  ratios: { calls: number; bytes: number; time: number; target: number };
}

const pattern = 'year=YYYY/month=MM/day=DD/';

/** A world of `objects` old processed files in daily partitions that ended 3 days ago, and 5 new unregistered ones an hour old. */
function processedWorld(dir: string, name: string, partitions: number, perPartition: number): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'world.json'), JSON.stringify({ description: `${partitions * perPartition} processed files`, extends: 'auto-refresh-off' }));
  const ranges = [
    { prefix: 'reviews/', partition: pattern, newest: 'now-3d', partitions, objectsPerPartition: perPartition },
    { prefix: 'reviews/', partition: pattern, newest: 'now-1h', partitions: 1, objectsPerPartition: 5, file: 'new-{j}.parquet' },
  ];
  writeFileSync(path.join(dir, name, 's3.json'), JSON.stringify({ buckets: { 'arai-processed': { ranges } } }));
}

async function measure(dir: string, world: string, objects: number, env: EnvironmentConfig, partitionPattern: string | null): Promise<SamplingRow> {
  const sandbox = await startSandbox({ world, worldsDir: dir });
  const clients = createServiceClients(sandboxTargets(sandbox, env), { readOnly: true });
  const config = { ...env, externalTables: { ...env.externalTables!, ...(partitionPattern ? { partitionPattern } : {}) } };
  const check = async () => {
    if (externalTableUnregisteredFiles.kind !== 'check') throw new Error('expected a check');
    const signal = new AbortController().signal;
    const ctx: CheckContext = { environment: 'sandbox', config, clients, clock: { now: () => new Date() }, params: {}, signal, log: () => undefined, memo: createRunMemo().forCheck(signal) };
    return externalTableUnregisteredFiles.run(ctx);
  };
  try {
    await check(); // log in to Snowflake once, outside the measured calls
    sandbox.calls.clear();
    const result = await check();
    const served = sandbox.calls.all();
    const time = await timeRuns(5, check);
    return { objects, partitionPattern, status: result.status, summary: result.summary, calls: served.length, bytes: served.reduce((sum, c) => sum + c.bytesOut, 0), time };
  } finally {
    await clients.close();
    await sandbox.stop();
  }
}

/** Runs 3.3's symptom check against 1,000 and 10,000,000 processed objects, with the partition pattern and (10 million) without. */
export async function samplingFigures(env: EnvironmentConfig): Promise<SamplingFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sampling-'));
  try {
    cpSync(worldsDir, dir, { recursive: true });
    processedWorld(dir, 'processed-1k', 100, 10);
    processedWorld(dir, 'processed-10m', 1_000, 10_000);
    const small = await measure(dir, 'processed-1k', 1_000, env, pattern);
    const large = await measure(dir, 'processed-10m', 10_000_000, env, pattern);
    const unpartitioned = await measure(dir, 'processed-10m', 10_000_000, env, null);
    return {
      rows: [small, large, unpartitioned],
      ratios: { calls: large.calls / small.calls, bytes: large.bytes / small.bytes, time: large.time.medianMs / small.time.medianMs, target: 2 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
