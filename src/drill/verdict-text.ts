import type { Step } from '../model';
import { palette, type Screen } from '../reporters/screen';
import { causeName, type AnswerKey } from './answer-key';
import type { Drill } from './catalog';
import type { Grade, ValidAnswer } from './grade';
import { formatDuration } from './timer';

const stepName = (step: Step) => `${step.id} ${step.text}${step.check ? ` [${step.check.id}]` : ''}`;

/** Why an answer was not right, one sentence per part it got wrong. */
function reasons(drill: Drill, key: AnswerKey, answer: ValidAnswer, grade: Grade): string[] {
  const out: string[] = [];
  const accepted = key.steps.map((s) => s.id).join(' or ');
  if (grade.stepFlaggedOnly) {
    out.push(`${answer.step.id} does show the problem here, but other ${key.scenario.id} incidents fail it too: it tells you that something failed, not what. ${accepted} singles this one out.`);
  } else if (!grade.stepRight && answer.step.scenarioId !== key.scenario.id) {
    out.push(`${answer.step.id} belongs to another scenario; this incident is ${key.scenario.id} ${key.scenario.title}, where ${accepted} finds it.`);
  } else if (!grade.stepRight) {
    out.push(`${answer.step.id} is expected to ${drill.expect[answer.step.id] ?? 'pass'} here: the problem is not there. ${accepted} finds it.`);
  }
  if (grade.causeRight === false) out.push(`The cause is ${key.causes.map(causeName).join(' or ')}, not ${causeName(answer.cause!)}.`);
  return out;
}

/** The graded answer as the trainee reads it: the verdict, time and hints, what was staged, and why. */
export function verdictText(request: { drill: Drill; key: AnswerKey; answer: ValidAnswer; grade: Grade; elapsedMs: number; hintsUsed: number; recordedIn: string; screen: Screen }): string {
  const { drill, key, answer, grade } = request;
  const c = palette(request.screen);
  const given = `${answer.step.id}${answer.cause ? ` --cause ${causeName(answer.cause)}` : ''}`;
  const head = grade.correct ? c.green(`✔ Correct: ${given}`) : c.red(`✘ Wrong: ${given}`);
  const expected = [
    ...key.steps.map((s) => `  step  ${stepName(s)}`),
    ...key.causes.map((s) => `  cause ${causeName(s)} (${stepName(s)})`),
  ];
  return [
    `${head}   ${c.dim(`${drill.name} · ${formatDuration(request.elapsedMs)} · ${request.hintsUsed} of ${drill.briefing.hints.length} hints · recorded in ${request.recordedIn}`)}`,
    ...reasons(drill, key, answer, grade),
    '',
    `What was staged: ${drill.description}`,
    `The answer${key.steps.length > 1 ? ' (any of these steps)' : ''}:`,
    ...expected,
    '',
  ].join('\n');
}
