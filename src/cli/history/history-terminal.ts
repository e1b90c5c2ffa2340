import type { Status } from '../../model';
import { totalsText } from '../../results';
import { palette, truncate, type Screen } from '../../reporters/screen';
import { labels } from '../../reporters/terminal';
import { agoText, timeText } from '../time-text';
import type { HistoryResult, HistoryScope } from './history-result';

function scopeText(scope: HistoryScope): string {
  const what = scope.step ?? scope.scenario ?? 'every scenario';
  return scope.environment ? `${what} in ${scope.environment}` : what;
}

/** Builds the terminal view of a history: the runs newest first, then each step's latest status and when it last changed. */
export function buildHistoryTerminal(history: HistoryResult, screen: Screen, now: Date): string {
  const c = palette(screen);
  const colour = (status: Status) => ({ pass: c.green, fail: c.red, warn: c.yellow, acknowledged: c.cyan, skip: c.gray, error: c.magenta })[status];
  const window = history.since ? ` since ${timeText(history.since)}` : '';
  const out = [c.bold(`History of ${scopeText(history.scope)}${window}: ${history.runs.length + history.moreRuns} run(s), newest first`)];
  if (history.runs.length === 0) out.push('  no runs recorded in this window; runs are saved unless --no-save, in .runbook/results/runs/');
  for (const run of history.runs) {
    const where = run.world ? `${run.environment} · ${run.world}` : run.environment;
    const commit = run.commit ? run.commit.slice(0, 7) : 'no commit';
    const line = `  ${timeText(run.startedAt)}  ${where}  ${run.selection.join(',') || 'all'}  ${totalsText(run.totals)}  ${run.user}  ${commit}  ${run.command}`;
    out.push(run.problems.length > 0 ? c.red(truncate(line, screen.width)) : truncate(line, screen.width));
  }
  if (history.moreRuns > 0) out.push(c.dim(`  … ${history.moreRuns} older run(s) not listed; --since 7d (or another window) lists every run in it`));
  if (history.steps.length > 0) {
    out.push('', c.bold('Steps: the latest status, and when it last changed'));
    for (const step of history.steps) {
      const changed = step.previousStatus
        ? `since ${timeText(step.statusSince)} (${agoText(step.statusSince, now)}), was ${step.previousStatus}`
        : `since its first recorded run, ${timeText(step.statusSince)} (${agoText(step.statusSince, now)})`;
      out.push(colour(step.status)(truncate(`  ${step.environment.padEnd(8)} ${labels[step.status].padEnd(5)} ${step.step.padEnd(8)} ${changed}  last run ${timeText(step.lastRun.startedAt)}  ${step.summary}`, screen.width)));
    }
  }
  return `${out.join('\n')}\n`;
}
