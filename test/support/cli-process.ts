import { spawn } from 'node:child_process';
import path from 'node:path';
import { loopbackEnvironment } from './loopback-environment';

const root = path.resolve(__dirname, '..', '..');

/** What a spawned CLI run left behind. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tsNode = path.join(root, 'node_modules', '.bin', 'ts-node');

/** Spawns one of the project's CLI entry points (`src/cli/main.ts`, as `npm run check` does without npm) from the project root, colour off. */
export function spawnCli(entry: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsNode, [entry, ...args], { cwd: root, env: { ...process.env, ...loopbackEnvironment, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A run's exit code and output, for assertion messages. */
export const describeRun = (run: CliRun): string => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
