import { expiredNote, unusedNote } from '../acks/ack-notes';
import { applyAcknowledgements } from '../acks/apply-acks';
import { loadCheck } from '../catalog/load-check';
import type { CheckDefinition } from '../check-api';
import type { RunReport, Step } from '../model';
import { redactDeep, redactText, secretsFromEnvironment } from '../redaction';
import { printable } from '../reporters/printable';
import type { CliSession } from './cli-session';
import { startLiveProgress } from './live-progress';
import { confirmActions, type ConfirmationMode } from './confirm-actions';
import { UsageError } from './usage-error';
import { parseDeadline } from './deadline-option';
import { parseParams } from './params';
import { reportScenarios } from './report-scenarios';
import { serviceCallLine } from './service-call-line';

/** The step's check, or null when it has none or it cannot be loaded (the run reports that as its error). */
function checkOf(root: string, step: Step): CheckDefinition | null {
  if (!step.check) return null;
  try {
    return loadCheck(root, step.check.modulePath);
  } catch {
    return null;
  }
}

/**
 * How the run confirms its actions under --fix: asked on the terminal, or given with --yes; none when nothing is
 * to be confirmed. Without a terminal and without --yes, an action run with --fix is refused before anything runs.
 */
function confirmation(session: CliSession, steps: readonly Step[]): ConfirmationMode | undefined {
  const { options, io, root } = session;
  if (!options.fix || !steps.some((step) => checkOf(root, step)?.kind === 'action')) return undefined;
  if (options.yes) return { kind: 'yes' };
  if (io.ask) return { kind: 'ask', ask: io.ask };
  throw new UsageError(
    '--fix applies actions only once they are confirmed, and there is no terminal to ask on: pass --yes to apply them without asking (each preview still prints), or run on a terminal',
  );
}

/** Prints a note on standard error once per invocation. */
function tell(session: CliSession, note: string): void {
  if (session.told.has(note)) return;
  session.told.add(note);
  session.io.err(`${note}\n`);
}

/**
 * Runs steps as the options ask (environment, world, --fix, --param, --verbose), with live progress on a
 * terminal, and applies the acknowledgements file to the report; expired entries are named on standard error.
 */
export async function executeRun(session: CliSession, steps: readonly Step[], selection: string[]): Promise<RunReport> {
  const { root, options, runbook, io } = session;
  const declared = new Set(steps.flatMap((s) => Object.keys(checkOf(root, s)?.params ?? {})));
  const params = parseParams(options.param ?? [], declared);
  const deadlineSeconds = options.deadline !== undefined ? parseDeadline(options.deadline) : undefined;
  const { callerPolicy } = session;
  // The sandbox started while the CLI loaded: it has this run's world and caller policy already.
  const sandboxThread = session.sandbox?.take();
  if (options.yes && !options.fix) throw new UsageError('--yes confirms actions run with --fix: add --fix, or drop --yes');
  const confirming = confirmation(session, steps);
  // Live progress would draw over an action's preview and its question: a run that confirms actions prints plain lines.
  const live = session.screen.live && !confirming ? startLiveProgress(io.err, session.screen, steps.length) : undefined;
  const secrets = secretsFromEnvironment(process.env);
  const print = (line: string) => {
    const text = printable(redactText(line, secrets));
    return live ? live.log(text) : io.err(`${text}\n`);
  };
  let raw: RunReport;
  try {
    // Loaded only for a run: --list, --help and bad requests never load the runner, its clients or the sandbox.
    const { runSteps } = require('../runner/run') as typeof import('../runner/run');
    raw = await runSteps({
      root,
      config: session.config,
      steps: [...steps],
      scenarios: reportScenarios(runbook, new Set(steps.map((s) => s.scenarioId))),
      selection,
      ...(options.env ? { environment: options.env } : {}),
      ...(options.world ? { world: options.world } : {}),
      ...(sandboxThread ? { sandboxThread } : callerPolicy !== undefined ? { sandboxCallerPolicy: callerPolicy } : {}),
      fix: options.fix ?? false,
      ...(confirming ? { confirm: confirmActions(io, confirming) } : {}),
      params,
      ...(options.verbose ? { log: print, onServiceCall: (call) => print(serviceCallLine(call)) } : {}),
      ...(live ? { progress: live } : {}),
      ...(io.interruption ? { signal: io.interruption.signal } : {}),
      ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}),
    });
  } finally {
    live?.stop();
  }
  const { report, expired, unused } = applyAcknowledgements(raw, session.acknowledgements, new Date());
  for (const entry of expired) tell(session, expiredNote(entry));
  for (const entry of unused) tell(session, unusedNote(entry));
  return redactDeep(report, secrets);
}
