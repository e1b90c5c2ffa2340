import path from 'node:path';
import { loadConfig } from '../../config';
import { formatDiagnostic, hasErrors } from '../../model';
import { defaultLayout, loadRunbook } from '../../parser/load';
import { buildTerminalReport } from '../../reporters/terminal';
import { buildAnswerKey } from '../answer-key';
import { recordAttempt } from '../attempts';
import { findDrill, loadDrills } from '../catalog';
import { requireCurrentDrill, sandboxGoneNote } from '../current';
import { DrillUsageError } from '../errors';
import { gatherEvidence } from '../explain';
import { gradeAnswer, validateAnswer, type DrillAnswer } from '../grade';
import type { DrillIo } from '../io';
import { drillSandboxRuns } from '../liveness';
import { clearCurrentDrill, drillsDir } from '../state';
import { verdictText } from '../verdict-text';

/**
 * `npm run drill -- answer --step ID [--cause NAME]`: grades the diagnosis from the world's expectations,
 * records the attempt, ends the drill, then shows the evidence of the right steps from the drill's sandbox.
 * A bad answer (unknown step or cause) is refused before anything is graded or recorded.
 */
export async function answerDrill(root: string, given: DrillAnswer, io: DrillIo): Promise<number> {
  const state = requireCurrentDrill(root);
  const drill = findDrill(state.drill);
  const { runbook, diagnostics } = await loadRunbook(defaultLayout(root));
  if (hasErrors(diagnostics)) throw new DrillUsageError(`The runbook has errors; fix them first:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  const answer = validateAnswer(given, runbook);
  const key = buildAnswerKey(drill, loadDrills(), runbook);
  const grade = gradeAnswer(answer, key);
  const endedAt = new Date();
  const elapsedMs = endedAt.getTime() - Date.parse(state.startedAt);
  await recordAttempt(root, {
    drill: drill.name,
    startedAt: state.startedAt,
    endedAt: endedAt.toISOString(),
    seconds: Math.round(elapsedMs / 1000),
    hintsUsed: state.hintsUsed,
    result: grade.correct ? 'correct' : 'wrong',
    answer: { step: answer.step.id, ...(given.cause ? { cause: given.cause } : {}) },
  });
  await clearCurrentDrill(root);
  const recordedIn = path.relative(root, path.join(drillsDir(root), 'attempts.jsonl')) || 'attempts.jsonl';
  io.out(verdictText({ drill, key, answer, grade, elapsedMs, hintsUsed: state.hintsUsed, recordedIn, screen: io.screen }));

  const sandboxRuns = await drillSandboxRuns(state);
  if (!sandboxRuns) io.err(`${sandboxGoneNote(state)}\nThe evidence below comes from a fresh copy of the drill's world.\n`);
  try {
    const steps = [...key.steps, ...key.causes];
    const report = await gatherEvidence({ root, config: loadConfig(root), runbook, steps, drill, state, sandboxRuns });
    io.out(`What you should have seen: the checks of those steps, run now against the ${sandboxRuns ? "drill's sandbox" : "drill's world"}:\n\n`);
    io.out(buildTerminalReport(report, io.screen));
  } catch (error) {
    io.err(`Could not gather the evidence (your answer is graded and recorded): ${(error as Error).message}\n`);
  }
  return grade.correct ? 0 : 1;
}
