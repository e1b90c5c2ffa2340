/**
 * The sandbox's side of the embedded sandbox thread (bin/sandbox-thread.js loads it): loads the sandbox's code as soon
 * as the thread starts, starts the sandbox when told which world, tells its address and settings, and stops it when
 * told (the thread then ends on its own).
 */
import '../../cli/deferred-libraries';
// Before the sandbox's modules: they build their schemas when loaded.
import './zod-jitless';
import { parentPort } from 'node:worker_threads';
import { startSandbox, type Sandbox } from '../sandbox';
import type { ThreadCommand, ThreadReport, ThreadSandboxOptions } from './protocol';

if (!parentPort) throw new Error('thread-main runs as the sandbox thread of npm run check (src/sandbox/thread/sandbox-thread.ts), not on its own');
const port = parentPort;

const report = (message: ThreadReport) => port.postMessage(message);

let started: Promise<Sandbox | null> | undefined;
/** The services the run said it will call; those told before the sandbox is ready have their handlers loaded first. */
const toPrepare = new Set<string>();
let ready: Sandbox | undefined;

/** Loads the handlers of every service told so far, told also while this loads. A handler that cannot load fails its service's first request, which reports it. */
async function prepareTold(sandbox: Sandbox): Promise<void> {
  for (let done = 0; done < toPrepare.size; ) {
    const batch = [...toPrepare].slice(done);
    done = toPrepare.size;
    await sandbox.prepare(batch).catch(() => undefined);
  }
}

async function start(options: ThreadSandboxOptions): Promise<Sandbox | null> {
  try {
    const sandbox = await startSandbox(options);
    // The run's first calls would wait for these handlers: they load before the run is told to make them.
    await prepareTold(sandbox);
    ready = sandbox;
    report({ type: 'ready', url: sandbox.url, world: sandbox.world.name, environment: sandbox.environment() });
    return sandbox;
  } catch (error) {
    report({ type: 'failed', error: { name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) } });
    return null;
  }
}

port.on('message', (command: ThreadCommand) => {
  if (command.type === 'start') started ??= start(command.options);
  else if (command.type === 'prepare') {
    for (const service of command.services) toPrepare.add(service);
    if (ready) void prepareTold(ready);
  } else void (started ?? Promise.resolve(null)).then((sandbox) => sandbox?.stop()).finally(() => port.close());
});
