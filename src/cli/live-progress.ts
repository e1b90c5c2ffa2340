import type { RunProgress } from '../runner/progress';
import { buildProgressFrame, type ProgressState } from '../reporters/progress-frame';
import type { Screen } from '../reporters/screen';

/** Live progress on a terminal: the running steps redrawn in place, with other lines printed above them. */
export interface LiveProgress extends RunProgress {
  /** Prints a line above the progress region (a verbose service call, a check's log). */
  log(line: string): void;
  /** Erases the region and stops redrawing it. */
  stop(): void;
}

/** Moves to the first line of a region `lines` high and clears from there down. */
const erase = (lines: number) => (lines > 0 ? `\u001b[${lines}F\u001b[0J` : '');

/**
 * Draws the progress of a run of `total` steps with `write` (a terminal's stream), redrawing every
 * `intervalMs` so that the running times move; the frame itself is built by `buildProgressFrame`.
 */
export function startLiveProgress(write: (text: string) => void, screen: Screen, total: number, options: { intervalMs?: number; nowMs?: () => number } = {}): LiveProgress {
  const nowMs = options.nowMs ?? (() => performance.now());
  const state: ProgressState = { total, done: 0, problems: 0, running: [] };
  let drawn = 0;
  let stopped = false;
  const draw = (before = '') => {
    if (stopped) return;
    const lines = buildProgressFrame(state, nowMs(), screen);
    write(`${erase(drawn)}${before}${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(() => draw(), options.intervalMs ?? 100);
  timer.unref();
  return {
    started(step) {
      state.running.push({ step: step.id, text: step.text, startedMs: nowMs() });
      draw();
    },
    finished(outcome) {
      state.running = state.running.filter((r) => r.step !== outcome.step);
      state.done++;
      if (outcome.status !== 'pass' && outcome.status !== 'skip') state.problems++;
      draw();
    },
    log(line) {
      if (stopped) write(`${line}\n`);
      else draw(`${line}\n`);
    },
    stop() {
      clearInterval(timer);
      if (!stopped) write(erase(drawn));
      stopped = true;
      drawn = 0;
    },
  };
}
