import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { bootstrapProcess } from '../src/cli/bootstrap';
import { createServiceClients } from '../src/clients';
import { loadConfig } from '../src/config';
import { parseRunbook } from '../src/parser';
import { defaultLayout, listCheckModules, loadRunbook } from '../src/parser/load';
import { parseMarkdown } from '../src/parser/markdown';
import { sandboxTargets } from '../src/runner/environment';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import { startSandbox } from '../src/sandbox/sandbox';

bootstrapProcess();
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const root = path.resolve(__dirname, '..');

/** One benchmark row: what was timed, against which baseline of the same run. */
interface Row {
  group: string;
  name: string;
  runs: number;
  medianMs: number;
  baselineMs: number;
}

async function median(runs: number, work: () => unknown): Promise<number> {
  await work(); // warm-up: JIT, lazy indexes, connections
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A worlds folder with one world of two buckets: a 100,000-object generated prefix and a 10-object bucket. */
function benchWorlds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-bench-'));
  mkdirSync(path.join(dir, 'bench'));
  writeFileSync(path.join(dir, 'bench', 'world.json'), JSON.stringify({ description: 'benchmark: a large and a small bucket' }));
  const generated = (count: number) => [{ prefix: 'reviews/', count, lastModified: 'now-1h', body: '{"i":{i}}' }];
  writeFileSync(path.join(dir, 'bench', 's3.json'), JSON.stringify({ buckets: { large: { generated: generated(100_000) }, small: { generated: generated(10) } } }));
  return dir;
}

async function parserRows(): Promise<Row[]> {
  const layout = defaultLayout(root);
  const text = readFileSync(path.join(root, 'docs', 'runbook.md'), 'utf8');
  const modules = await listCheckModules(layout);
  const baselineMs = await median(50, () => parseMarkdown(text));
  return [
    { group: 'parser', name: 'bare remark parse of docs/runbook.md (baseline)', runs: 50, medianMs: baselineMs, baselineMs },
    { group: 'parser', name: 'parseRunbook of docs/runbook.md', runs: 50, medianMs: await median(50, () => parseRunbook([{ file: 'docs/runbook.md', text }], modules)), baselineMs },
  ];
}

async function listingRows(): Promise<Row[]> {
  const dir = benchWorlds();
  const sandbox = await startSandbox({ world: 'bench', worldsDir: dir });
  const config = loadConfig(root).environments.sandbox!;
  const clients = createServiceClients(sandboxTargets(sandbox, config), { readOnly: true });
  try {
    const s3 = clients.s3();
    const page = (bucket: string, maxKeys: number) => () => s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'reviews/', MaxKeys: maxKeys }));
    const baselineMs = await median(30, page('small', 1000));
    const middle = () => s3.send(new ListObjectsV2Command({ Bucket: 'large', Prefix: 'reviews/', StartAfter: 'reviews/part-50000.json', MaxKeys: 10 }));
    return [
      { group: 'S3 listing', name: 'one page of a 10-object bucket (baseline)', runs: 30, medianMs: baselineMs, baselineMs },
      { group: 'S3 listing', name: '10 keys from a 100,000-object prefix', runs: 30, medianMs: await median(30, page('large', 10)), baselineMs },
      { group: 'S3 listing', name: '10 keys from the middle of it (StartAfter)', runs: 30, medianMs: await median(30, middle), baselineMs },
      { group: 'S3 listing', name: 'a full 1,000-key page of it', runs: 30, medianMs: await median(30, page('large', 1000)), baselineMs },
    ];
  } finally {
    await clients.close();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scenarioRows(): Promise<Row[]> {
  const config = loadConfig(root);
  const envConfig = config.environments.sandbox!;
  const sandbox = await startSandbox({ world: 'healthy' });
  const clients = createServiceClients(sandboxTargets(sandbox, envConfig), { readOnly: true });
  let baselineMs: number;
  try {
    const session = await clients.snowflake();
    baselineMs = await median(30, () => session.query('SELECT 1'));
  } finally {
    await clients.close();
    await sandbox.stop();
  }
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = selectSteps(runbook, ['3.3']);
  const scenario = () =>
    runSteps({ root, config, steps, scenarios: [], selection: ['3.3'], environment: 'sandbox', world: 'healthy' }).then((report) => {
      if (report.totals.fail + report.totals.error > 0) throw new Error(`3.3 did not pass in healthy: ${JSON.stringify(report.totals)}`);
    });
  return [
    { group: 'scenario', name: 'one sandbox round trip, SELECT 1 (baseline)', runs: 30, medianMs: baselineMs, baselineMs },
    { group: 'scenario', name: 'npm run check -- 3.3 in-process (sandbox start included)', runs: 10, medianMs: await median(10, scenario), baselineMs },
  ];
}

function table(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [`${'group'.padEnd(12)} ${'measured'.padEnd(width)} ${'runs'.padStart(5)} ${'median ms'.padStart(10)} ${'× baseline'.padStart(11)}`];
  for (const row of rows) {
    const ratio = row.medianMs / row.baselineMs;
    lines.push(`${row.group.padEnd(12)} ${row.name.padEnd(width)} ${String(row.runs).padStart(5)} ${row.medianMs.toFixed(3).padStart(10)} ${ratio.toFixed(ratio < 10 ? 2 : 0).padStart(11)}`);
  }
  return lines.join('\n');
}

/** `npm run bench`: medians as ratios against a baseline measured in the same run, since these machines are noisy. */
async function main(): Promise<void> {
  const rows = [...(await parserRows()), ...(await listingRows()), ...(await scenarioRows())];
  process.stdout.write(`${table(rows)}\n\nRatios compare with the baseline of the same group, measured in this run; absolute times vary with the machine's load.\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
