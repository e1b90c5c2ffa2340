import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { palette } from '../../reporters/screen';
import { launchSandbox } from '../../sandbox/launch';
import { recordAttempt } from '../attempts';
import { findDrill, type Drill } from '../catalog';
import { DrillUsageError } from '../errors';
import type { DrillIo } from '../io';
import { drillSandboxRuns } from '../liveness';
import { drillsDir, readCurrentDrill, sandboxLabel, writeCurrentDrill, type CurrentDrill } from '../state';
import { formatDuration, startTimer } from '../timer';
import { toolGuides } from '../tools';

/** The line `npm run drill -- NAME` prints once its sandbox serves and its state is recorded. */
export const drillReadyLine = 'The drill is on.';

/** Where the clock and hints start: fresh, or carried over from an earlier start of the same drill whose sandbox is gone. */
async function carryOver(root: string, drill: Drill, io: DrillIo): Promise<Pick<CurrentDrill, 'startedAt' | 'hintsUsed'>> {
  const fresh = { startedAt: new Date().toISOString(), hintsUsed: 0 };
  const previous = readCurrentDrill(root);
  if (!previous) return fresh;
  if (await drillSandboxRuns(previous)) {
    throw new DrillUsageError(
      `Drill ${previous.drill} is already running (process ${previous.pid}, ${previous.url}): answer it (npm run drill -- answer --step ID) or stop it with Ctrl-C in its shell before starting another`,
    );
  }
  if (previous.drill === drill.name) {
    io.err(`Resuming ${drill.name}, started ${formatDuration(Date.now() - Date.parse(previous.startedAt))} ago with ${previous.hintsUsed} hint(s).\n`);
    return { startedAt: previous.startedAt, hintsUsed: previous.hintsUsed };
  }
  const seconds = Math.round((Date.now() - Date.parse(previous.startedAt)) / 1000);
  await recordAttempt(root, { drill: previous.drill, startedAt: previous.startedAt, endedAt: new Date().toISOString(), seconds, hintsUsed: previous.hintsUsed, result: 'abandoned' });
  io.err(`Drill ${previous.drill} was left unanswered and its sandbox is gone: recorded as abandoned.\n`);
  return fresh;
}

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 0);
  if (!/^\d+$/.test(value ?? '0') || port > 65535) throw new DrillUsageError(`Unexpected --port ${value}, expected a number from 0 to 65535`);
  return port;
}

/** What the trainee reads first: the alert, the tool to start with, the settings and the commands of the drill. */
function briefingText(drill: Drill, state: CurrentDrill, lines: string[], io: DrillIo): string {
  const c = palette(io.screen);
  const tool = toolGuides[drill.briefing.startWith];
  return [
    c.bold(`Drill ${drill.name} · ${drill.briefing.difficulty} · start with ${tool.label}`),
    '',
    `${c.red('ALERT')}  ${drill.briefing.alert}`,
    '',
    `The drill's sandbox serves on ${state.url}. Its settings (also in ${state.envFile}):`,
    ...lines,
    '',
    'In another shell, from the project folder:',
    `  set -a; . ${state.envFile}; set +a`,
    `  ${tool.usage}`,
    '  npm run drill -- hint                             the next hint (each one is recorded)',
    '  npm run drill -- answer --step ID [--cause NAME]  your diagnosis: the step that found the problem',
    '',
    `${drillReadyLine} Ctrl-C here stops the sandbox.`,
    '',
  ].join('\n');
}

/** `npm run drill -- NAME`: starts the drill's sandbox, records the drill, prints its briefing and runs a timer until answered. */
export async function startDrill(root: string, name: string, options: { writeEnv?: string; port?: string }, io: DrillIo): Promise<null> {
  const drill = findDrill(name);
  const port = parsePort(options.port);
  const { startedAt, hintsUsed } = await carryOver(root, drill, io);
  const session = randomBytes(6).toString('hex');
  const envFile = path.resolve(options.writeEnv ?? path.join(drillsDir(root), 'drill.env'));
  await mkdir(path.dirname(envFile), { recursive: true });
  const launched = await launchSandbox({ world: drill.world, port, label: sandboxLabel({ session }), writeEnv: envFile }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new DrillUsageError(`Port ${port} is in use: start the drill with another --port, or without one for a free port`);
    throw error;
  });
  const state: CurrentDrill = { version: 1, drill: drill.name, session, url: launched.sandbox.url, pid: process.pid, startedAt, hintsUsed, envFile, environment: launched.environment };
  await writeCurrentDrill(root, state);
  io.out(briefingText(drill, state, launched.lines, io));
  const isCurrent = () => {
    try {
      return readCurrentDrill(root)?.session === session;
    } catch {
      return false;
    }
  };
  const stopTimer = startTimer(new Date(startedAt), { write: io.err, tty: io.tty }, isCurrent, () =>
    io.err('\nAnswered. The sandbox keeps running for you to look around; Ctrl-C stops it.\n'),
  );
  launched.stopOnSignals(() => {
    stopTimer();
    io.err(isCurrent() ? `\nSandbox stopped. The drill stays open: start it again with npm run drill -- ${drill.name}, or answer it.\n` : '\nSandbox stopped.\n');
  });
  return null;
}

