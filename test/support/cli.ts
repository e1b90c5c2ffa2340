import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loopbackEnvironment } from './loopback-environment';
import { root } from './project';

/** What a spawned process left behind. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to spawn: where, with which environment added to the test's own. */
export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /**
   * A process still going after this many ms (default 90 s) is killed and says so in `stderr`: a guard against a
   * stuck test (a hang is the defect some tests look for), not a timed assertion.
   */
  guardMs?: number;
  /** Handed the process once spawned: to send it signals, or to watch its output as it comes. */
  onChild?: (child: ChildProcess) => void;
  /** `pipe` to write to the process's standard input through `onChild` (default: none, as /dev/null). */
  stdin?: 'ignore' | 'pipe';
}

/** How to spawn a CLI entry point: besides where and with what, modules to preload (`node -r`). */
export interface CliSpawnOptions extends SpawnOptions {
  preload?: string[];
}

/** What `npm run check` runs: each TypeScript module compiled through the project's compile cache. */
const register = path.join(root, 'bin', 'register.js');

/** At most this many CLI processes at once per test file: each costs about 2 s of CPU, and CI has 2 cores. */
const maxProcesses = 3;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxProcesses) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The test's environment without what would change the CLI's output when the tests themselves run in GitHub Actions. */
function baseEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...loopbackEnvironment, NO_COLOR: '1' };
  delete env.GITHUB_ACTIONS;
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}

function spawnProcess(command: string, args: readonly string[], options: SpawnOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd ?? root, env: { ...baseEnvironment(), ...options.env }, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    options.onChild?.(child);
    const guardMs = options.guardMs ?? 90_000;
    const guard = setTimeout(() => {
      stderr += `\n[the process hung: killed after ${guardMs / 1000} s]`;
      child.kill('SIGKILL');
    }, guardMs);
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Spawns a command (npm, npx, sh, python3) from the project root, colour off, a few at a time. */
export function runCommand(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<CliRun> {
  return limited(() => spawnProcess(command, args, options));
}

/** Spawns a CLI entry point as the package scripts do (`node -r ./bin/register.js src/cli/main.ts …`, without npm). */
export function runCli(entry: string, args: readonly string[], options: CliSpawnOptions = {}): Promise<CliRun> {
  const preload = (options.preload ?? []).flatMap((file) => ['-r', file]);
  return runCommand(process.execPath, [...preload, '-r', register, path.resolve(root, entry), ...args], options);
}

/** Spawns `npm run check -- …` without npm. */
export const check = (...args: string[]): Promise<CliRun> => runCli('src/cli/main.ts', args);

/** Spawns `npm run check -- …` without npm, from a folder or with variables of its own. */
export const checkWith = (args: readonly string[], options: SpawnOptions): Promise<CliRun> => runCli('src/cli/main.ts', args, options);

/** A run's exit code and output, for assertion messages. */
export const describeRun = (run: CliRun): string => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
