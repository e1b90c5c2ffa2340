import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './project';

/** What a spawned CLI run printed and how it ended. */
export interface CliOutcome {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Spawns the real CLI (`npm run check -- …` without npm), colour off. A run still going after `guardMs` is killed
 * and says so in `err`: a guard against a stuck test (a hang is the defect some tests look for), not a timed assertion.
 */
export function spawnCheck(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; guardMs?: number } = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'ts-node'), [path.join(root, 'src', 'cli', 'main.ts'), ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', TS_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guardMs = options.guardMs ?? 90_000;
    const guard = setTimeout(() => {
      err += `\n[the CLI hung: killed after ${guardMs / 1000} s]`;
      child.kill('SIGKILL');
    }, guardMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, out, err });
    });
  });
}
