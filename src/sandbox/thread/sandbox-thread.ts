import { rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CallerPolicyError } from '../authorization/caller-policy-error';
import { WorldError } from '../world/world-error';
import type { ThreadError, ThreadReport, ThreadSandboxOptions } from './protocol';

export type { ThreadSandboxOptions } from './protocol';

/** The embedded sandbox as the run sees it from its own thread: where it listens, its world, and its client settings. */
export interface ThreadSandbox {
  url: string;
  world: { name: string };
  environment(): Record<string, string>;
}

/** A thread that loads the sandbox's code from the moment it is spawned, and runs one sandbox once told its world. */
export interface SandboxThread {
  /** Starts the sandbox (once); its code may still be loading. */
  start(options: ThreadSandboxOptions): void;
  /** Tells the started sandbox which services the run will call (`s3`, `snowflake`): it loads their handlers now. */
  prepare(services: readonly string[]): void;
  /** Settles once the sandbox listens; rejects as `startSandbox` would throw (a world or caller policy error), or if the thread ends first. */
  ready: Promise<ThreadSandbox>;
  /**
   * Stops the sandbox and ends the thread (at once if it never started); idempotent, awaited. For a thread spawned
   * `endsWithProcess`, settles once the sandbox is told to stop: the process's exit ends the thread and removes its files.
   */
  stop(): Promise<void>;
}

/** The sandbox thread ended or failed in a way that is not an error of the world or options it was given. */
export class SandboxThreadError extends Error {
  override name = 'SandboxThreadError';
}

/** How long a sandbox told to stop has to close its connections and remove its files before its thread is ended. */
const stopGraceMs = 5_000;

const threadEntry = path.resolve(__dirname, '..', '..', '..', 'bin', 'sandbox-thread.js');

/** The error the thread reported, as the class the in-process sandbox throws when it is one of a bad request. */
function rebuiltError({ name, message }: ThreadError): Error {
  if (name === 'WorldError') return new WorldError(message);
  if (name === 'CallerPolicyError') return new CallerPolicyError(message);
  return new SandboxThreadError(`the sandbox could not start: ${name}: ${message}`);
}

/** How the thread is spawned. */
export interface SandboxThreadOptions {
  /**
   * The process exits once its run is done (the CLI's): a stop need not wait for the thread to end, since the exit
   * ends it and removes the sandbox's temporary files. Not for a process that goes on (tests, the soak).
   */
  endsWithProcess?: boolean;
}

/**
 * Spawns the sandbox's thread, which loads the sandbox on the other core while the CLI loads its configuration, checks
 * and clients. The sandbox's temporary files are removed when the process exits without stopping it (a second
 * Ctrl-C), as they are when it stops.
 */
export function spawnSandboxThread(options: SandboxThreadOptions = {}): SandboxThread {
  const worker = new Worker(threadEntry, { execArgv: [] });
  let started = false;
  let temporaryDirs: string[] = [];
  const removeLeftovers = () => {
    for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeLeftovers);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const ready = new Promise<ThreadSandbox>((resolve, reject) => {
    worker.once('message', (report: ThreadReport) => {
      if (report.type === 'failed') return reject(rebuiltError(report.error));
      // The sandbox's one temporary folder is the dbt project it announces.
      temporaryDirs = report.environment.DBT_PROJECT_DIR ? [report.environment.DBT_PROJECT_DIR] : [];
      resolve({ url: report.url, world: { name: report.world }, environment: () => ({ ...report.environment }) });
    });
    worker.once('error', (error) => reject(new SandboxThreadError(`the sandbox thread failed before the sandbox was ready: ${error.message}`, { cause: error })));
    void exited.then((code) => reject(new SandboxThreadError(`the sandbox thread ended (exit code ${code}) before the sandbox was ready`)));
  });
  // Once it served, a sandbox that fails stops answering: its checks report the refused calls, and this says why. (The
  // rejection handler also keeps a run that ends before it needs the sandbox, and never awaits it, from an unhandled rejection.)
  void ready.then(() => worker.on('error', (error) => process.stderr.write(`The embedded sandbox failed and stopped answering: ${error.stack ?? error.message}\n`)), () => undefined);
  let stopping: Promise<void> | undefined;
  return {
    ready,
    start(options) {
      if (started || stopping) return;
      started = true;
      worker.postMessage({ type: 'start', options });
    },
    prepare(services) {
      if (started && !stopping) worker.postMessage({ type: 'prepare', services: [...services] });
    },
    stop: () => {
      const stopped = (stopping ??= (async () => {
        // Never started, it has made nothing to clean up: ended at once, not after its code has loaded.
        if (!started) void worker.terminate();
        else worker.postMessage({ type: 'stop' });
        const overdue = setTimeout(() => void worker.terminate(), stopGraceMs);
        await exited;
        clearTimeout(overdue);
        removeLeftovers();
        process.off('exit', removeLeftovers);
      })());
      return options.endsWithProcess ? Promise.resolve() : stopped;
    },
  };
}
