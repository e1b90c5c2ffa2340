import type { RunbookConfig } from '../config';
import { sandboxWorldOf } from '../runner/environment';
import { spawnSandboxThread, type SandboxThread } from '../sandbox/thread/sandbox-thread';
import type { CheckOptions } from './options';

/** The sandbox thread an invocation spawned early for its first run: that run takes it; `stop` ends it if no run did (idempotent). */
export interface EmbeddedSandbox {
  /**
   * Starts the sandbox with the run's world and caller policy when the run's environment is a sandbox; otherwise ends
   * the thread, and the run opens its environment as it always does (naming an unknown environment, say).
   */
  begin(config: RunbookConfig, options: CheckOptions, callerPolicy: unknown): void;
  take(): SandboxThread | undefined;
  stop(): Promise<void>;
}

/**
 * The embedded sandbox of a run: the thread spawned at launch, else one spawned now, unless RUNBOOK_SANDBOX_URL names
 * a sandbox already running (then a thread given is ended). The sandbox's code loads on the other core while this one
 * reads the configuration and the runbook and loads the checks and their clients.
 */
export function embeddedSandbox(spawned?: SandboxThread): EmbeddedSandbox | undefined {
  if (process.env.RUNBOOK_SANDBOX_URL) return void spawned?.stop();
  const thread = spawned ?? spawnSandboxThread();
  let begun = false;
  let taken = false;
  return {
    begin(config, options, callerPolicy) {
      const world = sandboxWorldOf(config, options.env, options.world);
      if (!world) return void thread.stop();
      begun = true;
      thread.start({ world, ...(callerPolicy !== undefined ? { callerPolicy } : {}) });
    },
    take: () => (!begun || taken ? undefined : ((taken = true), thread)),
    stop: () => thread.stop(),
  };
}
