import type { RunReport } from '../../model';
import { buildTerminalReport } from '../../reporters/terminal';
import { selectSteps } from '../../runner/select';
import type { CliSession } from '../cli-session';
import { executeRun } from '../execute-run';
import { exitCodeOf, worstExitCode } from '../exit-code';
import { printReport, writeRunOutputs } from '../finish-run';
import { exitCodes } from '../options';
import { reportScenarios } from '../report-scenarios';
import { UsageError } from '../usage-error';
import { scenarioCommand } from './next-command';
import { rankScenarios } from './rank';
import { triageSignals } from './signals';
import { buildTriageTerminal } from './triage-terminal';
import { buildTriageResult, type TriageResult } from './triage-result';
import { triageArgument } from './triage-argument';


function printTriage(session: CliSession, triage: TriageResult, run: RunReport | undefined, signalsRun: RunReport): void {
  const stdout = session.outputs.stdout;
  if (stdout === 'json') session.io.out(`${JSON.stringify(triage, null, 2)}\n`);
  else if (stdout === 'terminal') session.io.out(buildTriageTerminal(triage, session.screen) + (run ? `\n${buildTerminalReport(run, session.screen)}` : ''));
  else printReport(session, run ?? signalsRun);
}

/**
 * `npm run check -- triage`: runs every scenario's symptom and check-list checks concurrently, ranks the
 * scenarios whose symptoms are present, and names the command for the top one; `--then-run` runs it too.
 * Exit 1 when an incident is active (or the scenario run fails), 2 when nothing matched but a check could not tell, else 0.
 */
export async function runTriage(session: CliSession, extra: readonly string[]): Promise<number> {
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')} after triage: triage looks at every scenario; to run one, npm run check -- ${extra[0]}`);
  const signals = triageSignals(session.runbook);
  const signalsRun = await executeRun(session, signals.map((s) => s.step), [triageArgument]);
  const ranking = rankScenarios(reportScenarios(session.runbook), signals, signalsRun.results);
  const triage = buildTriageResult(signalsRun, ranking, (scenario) => scenarioCommand(scenario, session.options));
  const run = session.options.thenRun && triage.next ? await executeRun(session, selectSteps(session.runbook, [triage.next.scenario]), [triage.next.scenario]) : undefined;
  if (run) triage.run = run;
  printTriage(session, triage, run, signalsRun);
  const unwritten = await writeRunOutputs(session, run ?? signalsRun);
  if (unwritten) return exitCodes.unusable;
  const found = triage.activeIncident ? exitCodes.failed : triage.couldNotTell.length > 0 ? exitCodes.unusable : exitCodes.ok;
  return run ? worstExitCode(found, exitCodeOf(run)) : found;
}
