import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfigCached } from '../config/cached-config';
import { allSteps, formatDiagnostic, hasErrors } from '../model';
import { loadRunbookCached } from '../parser/cached-runbook';
import { defaultLayout } from '../parser/read-documents';
import type { Screen } from '../reporters/screen';
import type { CliSession } from './cli-session';
import type { EmbeddedSandbox } from './embedded-sandbox';
import type { SandboxThread } from '../sandbox/thread/sandbox-thread';
import { buildScenarioList } from './list';
import { checkOptions, exitCodes, type CheckOptions } from './options';
import { planOutputs, type OutputPlan } from './output-plan';
import { isStoreCommand, runStoreCommand } from './store-command';
import type { Interruption } from './interruption';
import { triageArgument } from './triage/triage-argument';
import { UsageError } from './usage-error';

/**
 * The modules only some commands use, loaded when one does: `--list` and `--help` start without the runner, the
 * reporters, the acknowledgements (and their YAML and schema libraries) or the sandbox's worlds. The CLI's compile
 * hook loads them; the test runner never runs these paths in-process.
 */
const lazily = {
  acks: () => require('../acks/load-acks') as typeof import('../acks/load-acks'),
  worlds: () => require('../sandbox/world/load-world') as typeof import('../sandbox/world/load-world'),
  select: () => require('../runner/select') as typeof import('../runner/select'),
  secrecy: () => require('../drill/secrecy') as typeof import('../drill/secrecy'),
  describeFailure: () => require('./describe-failure') as typeof import('./describe-failure'),
  executeRun: () => require('./execute-run') as typeof import('./execute-run'),
  exitCode: () => require('./exit-code') as typeof import('./exit-code'),
  finishRun: () => require('./finish-run') as typeof import('./finish-run'),
  triage: () => require('./triage/triage-command') as typeof import('./triage/triage-command'),
  callerPolicy: () => require('../sandbox/authorization/caller-policy') as typeof import('../sandbox/authorization/caller-policy'),
  embeddedSandbox: () => require('./embedded-sandbox') as typeof import('./embedded-sandbox'),
  gitCommit: () => require('../results/git-commit') as typeof import('../results/git-commit'),
};

/** Where the command writes: standard output and error, and the screen it draws on. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  screen: Screen;
  /** Ctrl-C and SIGTERM, when the command runs as a process: a run stops, still reports, and exits 130 or 143. */
  interruption?: Interruption;
  /** Asks a question on the terminal and gives the line typed (null when the input closed); absent without a terminal. */
  ask?: (question: string) => Promise<string | null>;
}

const exitCodesHelp = 'Exit codes: 0 nothing failed (acknowledged failures do not count) · 1 a check found a problem · 2 a check could not run or the request was bad.';

/** Builds the commander program from the option table. */
export function buildProgram(): Command {
  const program = new Command('npm run check --')
    .description(
      'Runs the runbook checks of a scenario (3.3) or a step (3.3.1) and reports pass or fail per step; `triage` ranks the scenarios whose symptoms are present; ' +
        '`history [scenario|step]` lists the saved runs and when each step\'s status last changed; `transcript` writes the incident\'s record of runs and actions; ' +
        '`verify-audit` checks the audit log\'s hash chain.',
    )
    .argument('[ids...]', 'scenario or step ids, e.g. 3.3 or 3.3.1, or triage, history [id], transcript or verify-audit (default: every scenario)')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const spec of Object.values(checkOptions)) {
    const option = new Option(spec.flags, spec.description);
    if ('repeatable' in spec && spec.repeatable) option.argParser((value: string, previous: string[] = []) => [...previous, value]);
    program.addOption(option);
  }
  return program;
}

/** What the process started before the command was loaded. */
export interface CommandLaunch {
  /** The sandbox thread spawned as the process started, when the raw arguments looked like a run (`mayRunChecks`): a run takes it, anything else ends it. */
  sandboxThread?: SandboxThread;
}

/** Runs `npm run check` with the given arguments and returns the exit code; bad requests get a message and 2. */
export async function runCheckCommand(argv: readonly string[], root: string, io: CommandIo, launch: CommandLaunch = {}): Promise<number> {
  try {
    return await execute(argv, root, io, launch.sandboxThread);
  } catch (error) {
    // A failure's message may quote what a service said, credentials included: redacted like every report.
    const { redactText, secretsFromEnvironment } = require('../redaction') as typeof import('../redaction');
    io.err(`${redactText(lazily.describeFailure().describeFailure(error), secretsFromEnvironment(process.env))}\n`);
    return exitCodes.unusable;
  } finally {
    await launch.sandboxThread?.stop();
  }
}

async function execute(argv: readonly string[], defaultRoot: string, io: CommandIo, earlyThread: SandboxThread | undefined): Promise<number> {
  const program = buildProgram();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.help') {
      io.out(`${program.helpInformation()}\n${exitCodesHelp}\n`);
      return exitCodes.ok;
    }
    io.err(`${(error as Error).message}\n${program.helpInformation()}`);
    return exitCodes.unusable;
  }
  const options = program.opts<CheckOptions>();
  const root = options.root ? path.resolve(options.root) : defaultRoot;
  const ids = program.args;
  const screen: Screen = { ...io.screen, color: io.screen.color && options.color };
  const outputs = planOutputs(options);

  if (options.listWorlds) {
    const secret = lazily.secrecy().drillSecrecy(root);
    if (secret) {
      io.out(`The sandbox worlds are ${secret.slice(1, -1)}.\n`);
      return exitCodes.ok;
    }
    const { listWorlds, loadWorld } = lazily.worlds();
    const now = new Date();
    io.out(listWorlds().map((name) => `${name.padEnd(32)} ${loadWorld(name, now).header.description}`).join('\n') + '\n');
    return exitCodes.ok;
  }
  // A run's sandbox thread is spawned now unless it was at launch: the sandbox's code loads while this thread reads the configuration and the runbook.
  const sandbox = opensRun(options, ids) ? lazily.embeddedSandbox().embeddedSandbox(earlyThread) : undefined;
  if (!sandbox) void earlyThread?.stop();
  try {
    return await afterArguments({ argv, root, options, ids, io, screen, outputs }, sandbox);
  } finally {
    await sandbox?.stop();
  }
}

/** Whether the arguments ask for checks to run (a selection or triage), rather than a list, a policy or a store command. */
const opensRun = (options: CheckOptions, ids: readonly string[]): boolean => !options.list && !options.iamPolicy && !isStoreCommand(ids[0]);

/** What the arguments decided: the command as given, where it runs, and where it writes. */
interface Invocation {
  argv: readonly string[];
  root: string;
  options: CheckOptions;
  ids: string[];
  io: CommandIo;
  screen: Screen;
  outputs: OutputPlan;
}

async function afterArguments({ argv, root, options, ids, io, screen, outputs }: Invocation, sandbox: EmbeddedSandbox | undefined): Promise<number> {
  const config = loadConfigCached(root);
  // history and transcript read the results store and the audit log: no runbook to parse, nothing to run.
  if (isStoreCommand(ids[0])) return runStoreCommand(ids[0], { root, config, options, io, screen, args: ids.slice(1), now: new Date() });
  if (options.since !== undefined) throw new UsageError(`--since goes with history and transcript: npm run check -- history --since ${options.since}`);
  const { runbook, diagnostics } = await loadRunbookCached(defaultLayout(root));
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`);
  if (hasErrors(diagnostics)) {
    io.err('The runbook has errors (above); fix them, or run npm run lint:runbook for the full list.\n');
    return exitCodes.unusable;
  }
  if (options.list) {
    io.out(buildScenarioList(runbook, screen));
    return exitCodes.ok;
  }
  if (options.iamPolicy) {
    // Loaded only for --iam-policy, like the runner for a run: start-up stays fast for everything else.
    const { runIamPolicy } = require('./iam-policy-command') as typeof import('./iam-policy-command');
    return runIamPolicy({ argv, root, config, runbook, options, io, screen, outputs, acknowledgements: [], told: new Set() }, ids);
  }
  const callerPolicy = options.sandboxCallerPolicy !== undefined ? lazily.callerPolicy().readCallerPolicyFile(options.sandboxCallerPolicy) : undefined;
  sandbox?.begin(config, options, callerPolicy);
  return run({ argv, root, config, runbook, options, io, screen, outputs, acknowledgements: [], told: new Set(), ...(callerPolicy !== undefined ? { callerPolicy } : {}), ...(sandbox ? { sandbox } : {}) }, ids);
}

/** A run (or triage) of the selected steps, once the runbook is read: acknowledgements applied, reports printed and written. */
async function run(started: CliSession, ids: string[]): Promise<number> {
  const { root, runbook, options } = started;
  const acknowledgements = lazily.acks().loadAcknowledgements(root, new Set(allSteps(runbook).map((s) => s.id)));
  // git answers while the checks run, not after them.
  const commit = options.save ? lazily.gitCommit().runbookCommit(root) : undefined;
  const session: CliSession = { ...started, acknowledgements, ...(commit ? { commit } : {}) };
  if (options.thenRun && ids[0] !== triageArgument) throw new UsageError('--then-run goes with triage: npm run check -- triage --then-run');
  const steps = ids[0] === triageArgument ? null : lazily.select().selectSteps(runbook, ids);
  const { checkRunOutputs, printReport, writeRunOutputs } = lazily.finishRun();
  await checkRunOutputs(session);
  if (!steps) return lazily.triage().runTriage(session, ids.slice(1));
  const report = await lazily.executeRun().executeRun(session, steps, ids);
  printReport(session, report);
  const unwritten = await writeRunOutputs(session, report);
  return unwritten ? exitCodes.unusable : lazily.exitCode().exitCodeOf(report);
}
