import { classifyPlanJson } from './classify-plan-json';
import { NotAPlanError, PlanFormatError } from './plan-errors';
import { parsePlan, type TerraformPlan } from './read-plan';

function firstLineJson(text: string): unknown {
  const line = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** Parses plan JSON text read from `input` (a file, an artifact); JSON lines of the UI stream are refused as such. */
export function parsePlanText(text: string, input: string): TerraformPlan {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const first = firstLineJson(text);
    if (classifyPlanJson(first) === 'ui-stream') throw new NotAPlanError('ui-stream', input, first);
    throw new PlanFormatError(`${input} is not JSON (${(error as Error).message}); expected the output of terraform show -json on a saved plan`, null);
  }
  return parsePlan(json, input);
}
