import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The executable a command name resolves to on a PATH, or null when it is not installed there. */
export function findExecutable(command: string, searchPath: string | undefined): string | null {
  if (command.includes('/')) return canRun(command) ? command : null;
  for (const dir of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    if (canRun(candidate)) return candidate;
  }
  return null;
}

function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** How a dbt command ended. */
export interface CommandOutcome {
  exitCode: number | null;
  /** The signal that ended it (an abort or a timeout). */
  signal: string | null;
}

/** Runs a command without a shell, streaming each output line to `onLine`; the signal ends it. */
export function runCommand(
  argv: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string | undefined>>; signal: AbortSignal; onLine(line: string): void },
): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    const child = spawn(command!, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, signal: options.signal, stdio: ['ignore', 'pipe', 'pipe'] });
    const stream = (source: NodeJS.ReadableStream) => {
      let pending = '';
      source.setEncoding('utf8');
      source.on('data', (chunk: string) => {
        const parts = (pending + chunk).split(/\r?\n/);
        pending = parts.pop() ?? '';
        parts.forEach(options.onLine);
      });
      source.on('end', () => pending && options.onLine(pending));
    };
    stream(child.stdout);
    stream(child.stderr);
    child.on('error', (error) => ((error as { name?: string }).name === 'AbortError' ? resolve({ exitCode: null, signal: 'SIGTERM' }) : reject(error)));
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
}
