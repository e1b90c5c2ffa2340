import { parseArgs } from 'node:util';
import { WorldError } from '../sandbox/world/load-world';
import { UnknownDrillError } from './catalog';
import { answerDrill } from './commands/answer';
import { giveHint } from './commands/hint';
import { listDrills } from './commands/list';
import { startDrill } from './commands/start';
import { DrillUsageError } from './errors';
import { AnswerError } from './grade';
import type { DrillIo } from './io';
import { drillHelp, drillOptions, type DrillCommandName, type DrillOptions } from './options';
import { DrillStateError } from './state';

const requestErrors = [DrillUsageError, AnswerError, UnknownDrillError, DrillStateError, WorldError];

function parse(argv: readonly string[]): { command: DrillCommandName; name?: string; options: DrillOptions } {
  const config = Object.fromEntries(Object.entries(drillOptions).map(([key, spec]) => [key, { type: spec.flags.includes('<') ? 'string' : 'boolean' }] as const));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw new DrillUsageError(`${(error as Error).message}; expected: ${Object.values(drillOptions).map((o) => o.flags).join(', ')}`);
  }
  const [first, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new DrillUsageError(`Unexpected argument "${rest[0]}": a drill command takes at most one name`);
  const command: DrillCommandName = first === undefined || first === 'list' ? 'list' : first === 'hint' || first === 'answer' ? first : 'start';
  const options = parsed.values as DrillOptions;
  for (const [key, spec] of Object.entries(drillOptions)) {
    if (options[key as keyof DrillOptions] !== undefined && !(spec.for as readonly string[]).includes(command)) {
      throw new DrillUsageError(`${spec.flags.split(' ')[0]} applies to ${spec.for.join(', ')}, not ${command}`);
    }
  }
  return { command, ...(command === 'start' ? { name: first } : {}), options };
}

async function execute(argv: readonly string[], root: string, io: DrillIo): Promise<number | null> {
  const { command, name, options } = parse(argv);
  if (options.help) {
    io.out(drillHelp());
    return 0;
  }
  if (command === 'list') return listDrills(root, io);
  if (command === 'hint') return giveHint(root, io);
  if (command === 'answer') return answerDrill(root, { step: options.step, cause: options.cause }, io);
  return startDrill(root, name!, { ...(options['write-env'] ? { writeEnv: options['write-env'] } : {}), ...(options.port ? { port: options.port } : {}) }, io);
}

/**
 * Runs `npm run drill` with the given arguments: the exit code, or null when a drill was started and its
 * sandbox keeps the process running. Bad requests get a message naming what was wrong, and 2.
 */
export async function runDrillCommand(argv: readonly string[], root: string, io: DrillIo): Promise<number | null> {
  try {
    return await execute(argv, root, io);
  } catch (error) {
    const known = requestErrors.some((kind) => error instanceof kind);
    io.err(`${known ? (error as Error).message : `Unexpected failure: ${(error as Error).stack ?? String(error)}`}\n`);
    return 2;
  }
}
