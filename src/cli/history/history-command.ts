import { formatStoreProblem, readRuns } from '../../results';
import { UnknownEnvironmentError } from '../../runner/environment-errors';
import { exitCodes } from '../options';
import { parseSince } from '../since-option';
import type { StoreCommandContext } from '../store-command';
import { buildHistory } from './history-result';
import { parseHistoryScope } from './history-scope';
import { buildHistoryTerminal } from './history-terminal';

/** How many runs history lists without `--since`. */
export const defaultHistoryLimit = 20;

/**
 * `npm run check -- history [scenario|step] [--since 24h] [--env NAME] [--json]`: the runs of the results
 * store, newest first, and per step its latest status and when it last changed. Damaged store files are
 * skipped with a warning on standard error. Exit 0, or 2 for a bad request.
 */
export function runHistory(context: StoreCommandContext): number {
  const { options, io, config } = context;
  if (options.env && !config.environments[options.env]) throw new UnknownEnvironmentError(options.env, Object.keys(config.environments));
  const scope = parseHistoryScope(context.args, options.env);
  const since = options.since === undefined ? undefined : parseSince(options.since, context.now);
  const store = readRuns(context.root);
  const skipped = store.problems.map(formatStoreProblem);
  for (const warning of skipped) io.err(`warning: ${warning}\n`);
  const history = buildHistory(store.runs, { scope, ...(since ? { since } : {}), limit: since ? Number.POSITIVE_INFINITY : defaultHistoryLimit, skipped });
  io.out(options.json ? `${JSON.stringify(history, null, 2)}\n` : buildHistoryTerminal(history, context.screen, context.now));
  return exitCodes.ok;
}
