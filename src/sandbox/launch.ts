import { writeFile } from 'node:fs/promises';
import { onParentExit } from '../util/parent-watch';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';

/** A sandbox started for other processes to use: the `NAME=VALUE` lines that point any client at it. */
export interface LaunchedSandbox {
  sandbox: Sandbox;
  /** The settings for clients and `npm run check`, `RUNBOOK_SANDBOX_URL` included. */
  environment: Record<string, string>;
  /** The same settings as `NAME=VALUE` lines, the format of `--write-env`. */
  lines: string[];
  /** Stops the sandbox on Ctrl-C or SIGTERM, or when the process that started it is gone, after `before` (which may print), then exits 0. */
  stopOnSignals(before?: () => void): void;
}

/** Starts the sandbox on its own, as `npm run sandbox` and `npm run drill` do, and writes its settings to `writeEnv` when given. */
export async function launchSandbox(options: SandboxOptions & { writeEnv?: string }): Promise<LaunchedSandbox> {
  const sandbox = await startSandbox(options);
  const environment = { ...sandbox.environment(), RUNBOOK_SANDBOX_URL: sandbox.url };
  const lines = Object.entries(environment).map(([name, value]) => `${name}=${value}`);
  if (options.writeEnv) await writeFile(options.writeEnv, `${lines.join('\n')}\n`, 'utf8');
  return {
    sandbox,
    environment,
    lines,
    stopOnSignals(before) {
      const stop = () => {
        before?.();
        void sandbox.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      onParentExit(stop); // SIGTERM to `npm run sandbox` ends npm's shell, not this process
    },
  };
}
