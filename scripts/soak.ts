/**
 * `npm run soak [-- --rounds N] [--fault-rate R] [--seed N]`: every scenario in every shipped world, round after round in
 * one process, with transient faults (throttling, 500s, resets, cut bodies) hitting a share of the calls' first attempts.
 * Every verdict must be the world's own (a fault-free run of the world first), and nothing may accumulate: sockets,
 * timers, temporary folders, heap. Prints its figures; exits 1 on a wrong verdict or a leak, and must exit on its own.
 */
import projectConfig from '../runbook.config';
import { bootstrapProcess } from '../src/cli/bootstrap';
import { validateConfig } from '../src/config';
import { allSteps, type RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { runSteps } from '../src/runner/run';
import type { FaultSpec } from '../src/sandbox/faults/schema';
import { listWorlds } from '../src/sandbox/world/load-world';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grownResources, processFigures, settledFigures } from './soak/figures';

bootstrapProcess(); // before any SDK loads: no metadata probes, no driver telemetry shapes, no Node-version notice
// A temporary folder of its own, so that what the runs leave behind is counted apart from other processes' folders.
const privateTmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-soak-'));
process.env.TMPDIR = privateTmp;

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`Unexpected --${name} ${process.argv[index + 1]}, expected a number`);
  return value;
};

const rounds = option('rounds', 200);
const rate = option('fault-rate', 0.05);
const seed = option('seed', 1);

/** The transient faults of the soak, one kind a run in turn. */
const transientKinds: Array<FaultSpec['effect']> = [{ kind: 'throttle' }, { kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'truncated-body' }];

/**
 * One transient fault on a share of the calls' first attempts. One spec a run: each spec counts its hits per call, so
 * two specs could hit one call's first and second attempts (and three its third), and the retries would run out.
 */
const transientFaults = (share: number, run: number): FaultSpec[] => [{ rate: share, times: 1, per: 'call', effect: transientKinds[run % transientKinds.length]! }];

const statuses = (report: RunReport) => new Map(report.results.map((r) => [r.step, r.status]));

async function main(): Promise<void> {
  const root = process.cwd();
  const config = validateConfig(projectConfig);
  const { runbook } = await loadRunbook(defaultLayout(root));
  const steps = allSteps(runbook);
  const scenarios = runbook.scenarios.map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null }));
  const selection = runbook.scenarios.map((s) => s.id);
  const worlds = listWorlds();
  const run = (world: string, faults: FaultSpec[], faultSeed: number) =>
    runSteps({ root, config, steps, scenarios, selection, environment: 'sandbox', world, fix: false, params: {}, sandboxFaults: faults, sandboxFaultSeed: faultSeed });

  // The world's own verdicts, without faults; then the baseline of what the process holds once everything is loaded.
  const expected = new Map<string, Map<string, string>>();
  for (const world of worlds) expected.set(world, statuses(await run(world, [], seed)));
  const before = await settledFigures();
  const started = Date.now();
  let runsDone = 0;
  const wrong: string[] = [];
  const heap: number[] = [];
  const code: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const world of worlds) {
      const got = statuses(await run(world, transientFaults(rate, runsDone), seed * 1_000_003 + round * 101 + runsDone));
      runsDone++;
      for (const [step, status] of expected.get(world)!) {
        if (got.get(step) !== status) wrong.push(`round ${round}, ${world}, ${step}: ${got.get(step)} instead of ${status}`);
      }
    }
    const figures = processFigures();
    heap.push(figures.heapMb);
    code.push(figures.codeMb);
    if (round % 10 === 0 || round === rounds) process.stderr.write(`soak: round ${round}/${rounds}, ${runsDone} runs, ${wrong.length} wrong verdicts, heap ${heap.at(-1)!.toFixed(1)} MB\n`);
  }
  const after = await settledFigures();
  const grown = grownResources(before, after);
  const seconds = (Date.now() - started) / 1000;
  const tenth = Math.min(heap.length - 1, Math.floor(heap.length / 10)); // after a tenth of the rounds, once caches are warm
  const firstHeap = heap[tenth] ?? before.heapMb;
  const firstCode = code[tenth] ?? before.codeMb;
  const heapGrowth = (heap.at(-1) ?? before.heapMb) - firstHeap;
  process.stdout.write(
    [
      `soak: ${rounds} rounds × ${worlds.length} worlds × ${steps.length} steps = ${runsDone} runs, ${runsDone * steps.length} verdicts, in ${seconds.toFixed(0)} s (${((seconds * 1000) / runsDone).toFixed(0)} ms a run)`,
      `faults: ${(rate * 100).toFixed(1)}% of first attempts, one kind a run in turn (throttling, 503, reset, cut body), seed ${seed}`,
      `wrong verdicts: ${wrong.length}${wrong.length ? `\n  ${wrong.slice(0, 20).join('\n  ')}` : ''}`,
      `heap after GC: ${before.heapMb.toFixed(1)} MB before, ${firstHeap.toFixed(1)} MB after a tenth of the rounds, ${(heap.at(-1) ?? 0).toFixed(1)} MB at the end (${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB; compiled code ${firstCode.toFixed(1)} → ${(code.at(-1) ?? 0).toFixed(1)} MB of it)`,
      `open resources: ${JSON.stringify(before.resources)} before, ${JSON.stringify(after.resources)} after${grown.length ? ` (grown: ${grown.join(', ')})` : ''}`,
      `temporary folders left (in the soak's own TMPDIR): ${before.tempEntries} before, ${after.tempEntries} after`,
      '',
    ].join('\n'),
  );
  const leaked = grown.length > 0 || after.tempEntries > before.tempEntries || heapGrowth > 64;
  process.exitCode = wrong.length || leaked ? 1 : 0;
  rmSync(privateTmp, { recursive: true, force: true });
  // Nothing may keep the process alive now: a timer that fires means something did.
  setTimeout(() => {
    process.stderr.write(`soak: the process did not exit on its own; still open: ${JSON.stringify(processFigures().resources)}\n`);
    process.exit(1);
  }, 10_000).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
