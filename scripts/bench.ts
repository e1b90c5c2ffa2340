import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrapProcess } from '../src/cli/bootstrap';
import { loadConfig } from '../src/config';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { awsCliFigures } from './bench/aws-cli';
import { fixed, type Timing } from './bench/measure';
import { parserFigures } from './bench/parser';
import { samplingFigures } from './bench/sampling';
import { paceFigures } from './bench/scenarios';
import { siteFigures } from './bench/site';
import { startupFigures, type StartupFigures } from './bench/startup';
import { worldCosts } from './bench/world-costs';

bootstrapProcess();
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const root = path.resolve(__dirname, '..');
const out = (line = '') => process.stdout.write(`${line}\n`);
const timing = (t: Timing) => `${fixed(t.medianMs)} ms (${fixed(t.minMs)}–${fixed(t.maxMs)}, ${t.runs} runs)`;
const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

/** The start-up figures, measured and printed. */
function printStartup(): StartupFigures {
  out('## Start-up (the command the check script runs, without npm; interleaved runs)');
  const startup = startupFigures(root);
  out(`node -e 0                       ${timing(startup.nodeBaseline)}`);
  out(`check --list                    ${timing(startup.list)}  = ${fixed(startup.list.ratio, 2)}× node (target ≤ ${startup.list.target}×: ${verdict(startup.list.ratio <= startup.list.target)})`);
  out(`check 3.3 (sandbox, healthy)    ${timing(startup.scenario33)}  = ${fixed(startup.scenario33.ratio, 2)}× node (target ≤ ${startup.scenario33.target}×: ${verdict(startup.scenario33.ratio <= startup.scenario33.target)})`);
  return startup;
}

/** `npm run bench -- --startup`: replaces the start-up figures of bench/results.json (the others keep their own run's date). */
function writeStartupResults(startup: StartupFigures): void {
  const file = path.join(root, 'bench', 'results.json');
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path.relative(root, file)} is not the JSON npm run bench writes: ${(error as Error).message}`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, startupMeasuredAt: new Date().toISOString(), startup }, null, 2)}\n`);
  out('wrote the start-up figures to bench/results.json');
}

/** `npm run bench` (`-- --startup`: the start-up figures only): every speed figure of issue 13, as ratios against baselines measured in the same run; also bench/results.json. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig(root);
  const env = config.environments.sandbox!;
  const { runbook } = await loadRunbook(defaultLayout(root));

  const startup = printStartup();
  if (process.argv.includes('--startup')) {
    writeStartupResults(startup);
    return;
  }

  const pace = await paceFigures(root, config, runbook);
  out('\n## The pace of the slowest call: 100 ms per call (sandbox latency fault), in-process, median of 3');
  out('scenario world                        calls  path calls  path ms  start-up ms  wall ms  wall/(1.2×path+start-up)  concurrency 1 ms');
  for (const p of pace) {
    out(`${p.scenario.padEnd(8)} ${p.world.padEnd(28)} ${String(p.calls).padStart(5)} ${String(p.criticalPathCalls).padStart(11)} ${fixed(p.criticalPathMs).padStart(8)} ${fixed(p.startupMs).padStart(12)} ${fixed(p.wallMs).padStart(8)} ${fixed(p.againstTarget, 2).padStart(25)} ${fixed(p.sequentialWallMs).padStart(17)}`);
  }
  out(`target: wall ≤ 1.2 × critical path + start-up (ratio ≤ 1): ${verdict(pace.every((p) => p.againstTarget <= 1))}; default concurrency ${pace[0]?.concurrency}`);

  out('\n## Scenario 3.2 with the AWS CLI, one process per call, against the same sandbox (no latency)');
  const aws = await awsCliFigures(root, env, startupCheckArgv(startup.command));
  if (!aws.available) out('aws is not installed: skipped');
  else out(`aws CLI: ${aws.awsCalls} commands in ${fixed(aws.awsTotalMs)} ms (${fixed(aws.awsPerCallMs)} ms each); npm run check -- 3.2: ${fixed(aws.runbookCliMs)} ms (${fixed(aws.awsTotalMs / aws.runbookCliMs, 2)}× faster)`);

  out('\n## Calls and bytes per scenario and world (no latency)');
  const costs = await worldCosts(root, config, runbook);
  for (const c of costs) out(`${c.world.padEnd(30)} ${c.scenario.padEnd(5)} ${String(c.calls).padStart(4)} calls ${String(c.bytes).padStart(9)} bytes`);

  out('\n## Recent-object discovery: the 3.3 symptom check on 1,000 and 10,000,000 processed objects');
  const sampling = await samplingFigures(env);
  for (const r of sampling.rows) out(`${r.objects.toLocaleString('en').padStart(11)} objects, pattern ${String(r.partitionPattern).padEnd(27)} ${r.status.padEnd(5)} ${String(r.calls).padStart(3)} calls ${String(r.bytes).padStart(8)} bytes ${timing(r.time)}  ${r.summary.slice(0, 90)}`);
  const worst = Math.max(sampling.ratios.calls, sampling.ratios.bytes, sampling.ratios.time);
  out(`10M / 1,000: calls ${fixed(sampling.ratios.calls, 2)}×, bytes ${fixed(sampling.ratios.bytes, 2)}×, time ${fixed(sampling.ratios.time, 2)}× (target < ${sampling.ratios.target}: ${verdict(worst < sampling.ratios.target)})`);

  out('\n## The parser');
  const parser = await parserFigures(root);
  out(`bare remark parse of docs/runbook.md (baseline) ${timing(parser.bareRemark)}; parseRunbook ${timing(parser.projectRunbook)} = ${fixed(parser.projectRunbook.medianMs / parser.bareRemark.medianMs, 2)}×`);
  for (const g of parser.generated) out(`generated ${g.scenarios} scenarios × 5 steps (${g.bytes} bytes): ${timing(g.time)}`);
  out(`10× the input costs ${fixed(parser.scaling.ratio, 2)}× the time (target ≤ ${parser.scaling.target}×: ${verdict(parser.scaling.ratio <= parser.scaling.target)})`);

  out('\n## The site build (cold, no persistent cache, no minify)');
  const site = await siteFigures(root);
  out(`with the remark plugin ${fixed(site.withPlugin.seconds, 1)} s (${site.withPlugin.ok ? 'ok' : 'FAILED'}); without it ${fixed(site.withoutPlugin.seconds, 1)} s (${site.withoutPlugin.ok ? 'ok' : 'FAILED'}): ${fixed(site.ratio, 2)}×`);

  const totalSeconds = (performance.now() - started) / 1000;
  out(`\nbench took ${fixed(totalSeconds)} s (target < 600 s). Timings are medians with their range; the machine's load moves absolute times, ratios against a baseline of the same run much less.`);
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  const results = { measuredAt: new Date().toISOString(), node: process.version, startup, pace, aws, costs, sampling, parser, site, totalSeconds };
  writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  out('wrote bench/results.json');
}

/** The check command's argv from its printed form. */
function startupCheckArgv(command: string): string[] {
  return [process.execPath, ...command.split(' ')];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
