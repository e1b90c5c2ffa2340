import { allSteps, type Runbook, type Step } from '../model';
import { causeName, scenarioCauses, type AnswerKey } from './answer-key';

/** A trainee's diagnosis as typed: a step id and, where the scenario lists common causes, a cause name. */
export interface DrillAnswer {
  step?: string | undefined;
  cause?: string | undefined;
}

/** A diagnosis that names no real step or cause (or leaves one out); says what is valid. Nothing is graded or recorded. */
export class AnswerError extends Error {
  override name = 'AnswerError';
}

/** An answer whose step and cause exist in the runbook. */
export interface ValidAnswer {
  step: Step;
  cause: Step | null;
}

/** Checks an answer against the runbook: the step exists and is not a symptom or cause; the cause is one of its scenario's. */
export function validateAnswer(answer: DrillAnswer, runbook: Runbook): ValidAnswer {
  const answerable = allSteps(runbook).filter((step) => step.check && step.role !== 'symptom' && step.role !== 'cause');
  const valid = `expected one of: ${answerable.map((s) => s.id).join(', ')} (npm run check -- --list shows what each does)`;
  if (!answer.step) throw new AnswerError(`Missing --step: name the step where you found the problem, ${valid}`);
  const step = allSteps(runbook).find((s) => s.id === answer.step);
  if (!step) throw new AnswerError(`Unknown step "${answer.step}", ${valid}`);
  const scenario = runbook.scenarios.find((s) => s.id === step.scenarioId)!;
  const causes = scenarioCauses(scenario);
  const names = causes.map(causeName).join(', ');
  if (step.role === 'symptom') throw new AnswerError(`${step.id} is a symptom of ${scenario.id} (what the alert told you); answer with the step that found the problem, ${valid}`);
  if (step.role === 'cause') throw new AnswerError(`${step.id} is one of ${scenario.id}'s common causes: answer with the step that showed it and --cause ${causeName(step)}`);
  if (causes.length === 0) {
    if (answer.cause !== undefined) throw new AnswerError(`Unexpected --cause: scenario ${scenario.id} lists no common causes; answer with --step alone`);
    return { step, cause: null };
  }
  if (answer.cause === undefined) throw new AnswerError(`Missing --cause: scenario ${scenario.id} lists common causes, name one of: ${names}`);
  const cause = causes.find((c) => causeName(c) === answer.cause);
  if (!cause) throw new AnswerError(`Unknown cause "${answer.cause}" for scenario ${scenario.id}, expected one of: ${names}`);
  return { step, cause };
}

/** How an answer compares with the drill's key. */
export interface Grade {
  correct: boolean;
  stepRight: boolean;
  /** Null when the answered scenario lists no causes. */
  causeRight: boolean | null;
  /** The step does show the problem here, but not what singles this incident out. */
  stepFlaggedOnly: boolean;
}

/** Grades a valid answer: right when the step is one the key accepts and, where causes are listed, the cause is the flagged one. */
export function gradeAnswer(answer: ValidAnswer, key: AnswerKey): Grade {
  const stepRight = key.steps.some((s) => s.id === answer.step.id);
  const causeRight = answer.cause ? key.causes.some((c) => c.id === answer.cause!.id) : null;
  return {
    correct: stepRight && causeRight !== false,
    stepRight,
    causeRight,
    stepFlaggedOnly: !stepRight && key.flagged.some((s) => s.id === answer.step.id),
  };
}
