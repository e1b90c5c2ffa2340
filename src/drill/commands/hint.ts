import { findDrill } from '../catalog';
import { requireCurrentDrill, sandboxGoneNote } from '../current';
import type { DrillIo } from '../io';
import { drillSandboxRuns } from '../liveness';
import { writeCurrentDrill } from '../state';

/** `npm run drill -- hint`: the next hint of the running drill, counted in its attempt. */
export async function giveHint(root: string, io: DrillIo): Promise<number> {
  const state = requireCurrentDrill(root);
  const { hints } = findDrill(state.drill).briefing;
  if (state.hintsUsed >= hints.length) {
    io.out(`No more hints: you have seen all ${hints.length}. The last one was:\n${hints.at(-1)}\n`);
  } else {
    await writeCurrentDrill(root, { ...state, hintsUsed: state.hintsUsed + 1 });
    io.out(`Hint ${state.hintsUsed + 1} of ${hints.length} (${state.drill}):\n${hints[state.hintsUsed]}\n`);
  }
  if (!(await drillSandboxRuns(state))) io.err(`${sandboxGoneNote(state)}\n`);
  return 0;
}
