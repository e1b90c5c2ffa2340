/**
 * The sandbox's side of the embedded sandbox thread (bin/sandbox-thread.js loads it): loads the sandbox's code as soon
 * as the thread starts, starts the sandbox when told which world, tells its address and settings, and stops it when
 * told (the thread then ends on its own).
 */
import '../../cli/deferred-libraries';
import { parentPort } from 'node:worker_threads';
import { startSandbox, type Sandbox } from '../sandbox';
import type { ThreadCommand, ThreadReport, ThreadSandboxOptions } from './protocol';

if (!parentPort) throw new Error('thread-main runs as the sandbox thread of npm run check (src/sandbox/thread/sandbox-thread.ts), not on its own');
const port = parentPort;

const report = (message: ThreadReport) => port.postMessage(message);

let started: Promise<Sandbox | null> | undefined;

async function start(options: ThreadSandboxOptions): Promise<Sandbox | null> {
  try {
    const sandbox = await startSandbox(options);
    report({ type: 'ready', url: sandbox.url, world: sandbox.world.name, environment: sandbox.environment() });
    return sandbox;
  } catch (error) {
    report({ type: 'failed', error: { name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) } });
    return null;
  }
}

port.on('message', (command: ThreadCommand) => {
  if (command.type === 'start') started ??= start(command.options);
  // A handler that cannot load fails its service's first request, which reports it: preparing it says nothing.
  else if (command.type === 'prepare') void started?.then((sandbox) => sandbox?.prepare(command.services)).catch(() => undefined);
  else void (started ?? Promise.resolve(null)).then((sandbox) => sandbox?.stop()).finally(() => port.close());
});
