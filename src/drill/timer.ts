/** `1h02m05s`, `4m09s` or `12s`: a duration as a trainee reads it. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
  return m > 0 ? `${m}m${pad(s)}s` : `${s}s`;
}

/** Where a timer writes, and whether it may redraw its line in place. */
export interface TimerOutput {
  write: (text: string) => void;
  tty: boolean;
}

/**
 * Shows the time since `startedAt`: a line redrawn every second on a terminal, a line every five minutes
 * otherwise. `stillRunning` is asked every second; when it says no, the timer stops and calls `onEnd`.
 * Returns a stop function.
 */
export function startTimer(startedAt: Date, out: TimerOutput, stillRunning: () => boolean, onEnd: () => void): () => void {
  let seconds = 0;
  const timer = setInterval(() => {
    if (!stillRunning()) {
      clearInterval(timer);
      onEnd();
      return;
    }
    const elapsed = formatDuration(Date.now() - startedAt.getTime());
    if (out.tty) out.write(`\r⏱  ${elapsed} into the drill `);
    else if (++seconds % 300 === 0) out.write(`⏱  ${elapsed} into the drill\n`);
  }, 1000);
  return () => clearInterval(timer);
}
