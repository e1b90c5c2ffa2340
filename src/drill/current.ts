import { DrillUsageError } from './errors';
import { readCurrentDrill, type CurrentDrill } from './state';

/** The drill in progress, or a DrillUsageError that says how to start one. */
export function requireCurrentDrill(root: string): CurrentDrill {
  const state = readCurrentDrill(root);
  if (!state) throw new DrillUsageError('No drill is running: start one with npm run drill -- NAME (npm run drill lists them)');
  return state;
}

/** The note printed when the drill's sandbox no longer runs. */
export function sandboxGoneNote(state: CurrentDrill): string {
  return `The drill's sandbox is gone (process ${state.pid} at ${state.url} no longer answers): start it again with npm run drill -- ${state.drill}; the timer and your hints carry over.`;
}
