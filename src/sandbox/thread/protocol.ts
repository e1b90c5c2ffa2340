import type { FaultSpec } from '../faults/schema';

/** What the sandbox in the thread is started with: what `startSandbox` takes that crosses a thread, plain data only. */
export interface ThreadSandboxOptions {
  world?: string;
  faults?: FaultSpec[];
  faultSeed?: number;
  callerPolicy?: unknown;
}

/** An error of the thread, as data: its class name, so that a world or policy error is told as one, and its words. */
export interface ThreadError {
  name: string;
  message: string;
}

/** The thread's first message: the sandbox is listening, or it could not start. */
export type ThreadReport =
  | { type: 'ready'; url: string; world: string; environment: Record<string, string> }
  | { type: 'failed'; error: ThreadError };

/**
 * What the CLI's thread tells the sandbox's: start the sandbox (once its code is loaded), load the handlers of the
 * services the run's checks call (once it has started), or stop it.
 */
export type ThreadCommand = { type: 'start'; options: ThreadSandboxOptions } | { type: 'prepare'; services: string[] } | { type: 'stop' };
