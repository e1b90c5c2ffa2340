import { palette, truncate, type Screen } from './screen';

/** A step whose check is running, and since when (milliseconds on the run's clock). */
export interface RunningStep {
  step: string;
  text: string;
  startedMs: number;
}

/** What the live progress shows: the steps running now, and how many of the run's steps are done. */
export interface ProgressState {
  total: number;
  done: number;
  problems: number;
  running: RunningStep[];
}

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Seconds with one decimal: `0.4s`, `12.3s`. */
const elapsed = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(1)}s`;

/** The lines of the live progress region at `nowMs`: a line per running step with how long it has run, then a count. */
export function buildProgressFrame(state: ProgressState, nowMs: number, screen: Screen): string[] {
  const c = palette(screen);
  const width = Math.max(40, screen.width);
  const frame = spinner[Math.floor(nowMs / 100) % spinner.length]!;
  const lines = state.running.map((r) => {
    const time = elapsed(nowMs - r.startedMs);
    const head = `  ${frame} ${r.step.padEnd(7)} `;
    return `${c.cyan(head)}${truncate(r.text, width - head.length - time.length - 3)}  ${c.dim(time)}`;
  });
  const count = `  ${state.done}/${state.total} steps done${state.running.length ? `, ${state.running.length} running` : ''}${state.problems ? ` · ${state.problems} not passing` : ''}`;
  lines.push((state.problems ? c.red : c.dim)(truncate(count, width)));
  return lines;
}
