import { palette } from '../../reporters/screen';
import { readAttempts, type Attempt } from '../attempts';
import { loadDrills } from '../catalog';
import type { DrillIo } from '../io';
import { formatDuration } from '../timer';
import { toolGuides } from '../tools';

function lastAttempt(attempts: Attempt[], drill: string): string {
  const last = attempts.filter((a) => a.drill === drill).at(-1);
  if (!last) return '';
  return `last: ${last.result}${last.result === 'abandoned' ? '' : ` in ${formatDuration(last.seconds * 1000)}`}, ${last.hintsUsed} hint${last.hintsUsed === 1 ? '' : 's'}`;
}

/** `npm run drill`: every drill, easiest first, with its difficulty, starting tool, alert and the last attempt. */
export function listDrills(root: string, io: DrillIo): number {
  const c = palette(io.screen);
  const attempts = readAttempts(root);
  const lines = ['Drills, easiest first. Start one with npm run drill -- NAME.', ''];
  for (const drill of loadDrills()) {
    const tool = `start with ${toolGuides[drill.briefing.startWith].label}`;
    lines.push(`${c.bold(drill.name.padEnd(26))} ${drill.briefing.difficulty.padEnd(7)} ${tool.padEnd(46)} ${c.dim(lastAttempt(attempts, drill.name))}`.trimEnd());
    lines.push(`  ${drill.briefing.alert}`, '');
  }
  io.out(`${lines.join('\n')}`);
  return 0;
}
