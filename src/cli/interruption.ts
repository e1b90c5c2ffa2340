import { setMaxListeners } from 'node:events';

/** The signals that stop a run, and the exit code each ends the process with (128 + the signal's number). */
export const interruptExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** A signal that stops a run. */
export type InterruptSignal = keyof typeof interruptExitCodes;

/** Ctrl-C and SIGTERM for one invocation: the first stops the run, which still reports; the second exits at once. */
export interface Interruption {
  /** Aborted on the first signal: running checks stop, steps not started are reported interrupted. */
  signal: AbortSignal;
  /** The first signal received, or null. */
  received(): InterruptSignal | null;
  /** Stops listening (the process's own handling of the signals returns). */
  dispose(): void;
}

/**
 * Listens for SIGINT and SIGTERM. The first aborts `signal` and says on `tell` that the run is stopping; a second
 * exits the process at once with the signal's code, for a run that does not stop. `signals` is the process, but in tests.
 */
export function listenForInterrupt(
  tell: (text: string) => void,
  exit: (code: number) => void = (code) => process.exit(code),
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'> = process,
): Interruption {
  const controller = new AbortController();
  setMaxListeners(Infinity, controller.signal); // every running check listens on it
  let first: InterruptSignal | null = null;
  const handlers = Object.fromEntries(
    (Object.keys(interruptExitCodes) as InterruptSignal[]).map((name) => [
      name,
      () => {
        if (first) {
          tell(`\n${name} again: exiting at once; the run's report and history are not written.\n`);
          exit(interruptExitCodes[name]);
          return;
        }
        first = name;
        tell(`\n${name}: stopping the checks; the report and history are written next (${name === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} again exits at once).\n`);
        controller.abort(new Error(`interrupted by ${name}`));
      },
    ]),
  ) as Record<InterruptSignal, () => void>;
  for (const [name, handler] of Object.entries(handlers)) signals.on(name, handler);
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => {
      for (const [name, handler] of Object.entries(handlers)) signals.off(name, handler);
    },
  };
}
