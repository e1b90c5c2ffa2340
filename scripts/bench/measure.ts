import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A timing: the median of several runs, and their spread. */
export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** The median and spread of a list of times. */
export function summarize(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, maxMs: sorted.at(-1)! };
}

/** Times `work` `runs` times after one warm-up run. */
export async function timeRuns(runs: number, work: () => unknown): Promise<Timing> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return summarize(times);
}

/** Times several commands, interleaved run by run so that the machine's load falls on all of them alike. */
export function timeCommands(commands: ReadonlyArray<{ argv: string[]; env?: NodeJS.ProcessEnv }>, runs: number, cwd: string): Timing[] {
  const times = commands.map(() => [] as number[]);
  for (let run = -1; run < runs; run++) {
    commands.forEach(({ argv, env }, i) => {
      const started = performance.now();
      const result = spawnSync(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'ignore' });
      if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}`);
      if (run >= 0) times[i]!.push(performance.now() - started); // run -1 warms the file cache
    });
  }
  return times.map(summarize);
}

/** A number with a fixed number of decimals, for tables. */
export const fixed = (value: number, digits = 0) => value.toFixed(digits);
