// First: libraries loaded with the ones below but used by none of them are put off until used.
import './deferred-libraries';
import { bootstrapProcess, projectRoot } from './bootstrap';
import { mayRunChecks } from './early-sandbox-guess';
import { onParentExit } from '../util/parent-watch';
import { interruptExitCodes, listenForInterrupt } from './interruption';
import { askOnTerminal } from './terminal-prompt';
import { spawnSandboxThread } from '../sandbox/thread/sandbox-thread';

bootstrapProcess();
const argv = process.argv.slice(2);
// The sandbox thread starts first, so that the sandbox loads on the other core while this one loads the command. The
// process exits once the command is done, which ends the thread: its stop is not waited for.
const sandboxThread = mayRunChecks(argv, process.env) ? spawnSandboxThread({ endsWithProcess: true }) : undefined;
const { runCheckCommand } = require('./check-command') as typeof import('./check-command');

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
const interruption = listenForInterrupt(write(process.stderr));
// SIGTERM to `npm run check` ends npm's shell, not this process: its parent going away stops the run as SIGTERM does.
onParentExit(() => process.emit('SIGTERM'));

runCheckCommand(argv, projectRoot, {
  out: write(process.stdout),
  err: write(process.stderr),
  screen: { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.isTTY ? process.stdout.columns || 100 : 400, live: Boolean(process.stderr.isTTY) },
  interruption,
  // Actions are confirmed on a terminal: the question on standard error, the answer typed on standard input.
  ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: (question: string) => askOnTerminal(question, interruption.signal) } : {}),
}, { sandboxThread })
  .then((code) => {
    // Interrupted, the run has stopped and reported: the exit code says which signal ended it (130, 143).
    const interrupted = interruption.received();
    // The Snowflake driver and SDK sockets may keep the loop alive: exit once output is flushed.
    process.stdout.write('', () => process.exit(interrupted ? interruptExitCodes[interrupted] : code));
  });
