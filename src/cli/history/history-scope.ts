import { UsageError } from '../usage-error';
import type { HistoryScope } from './history-result';

/** Reads `history [scenario|step]` and `--env`: a scenario is `3.3` (or a posture section, `6`), a step `3.3.1` or `3.3.s2`. */
export function parseHistoryScope(args: readonly string[], environment: string | undefined): HistoryScope {
  if (args.length > 1) throw new UsageError(`Unexpected ${args.slice(1).join(' ')} after history ${args[0]}: history takes one scenario (3.3) or step (3.3.1), or none`);
  const scope: HistoryScope = environment ? { environment } : {};
  const [id] = args;
  if (id === undefined) return scope;
  if (/^\d+(?:\.\d+)?$/.test(id)) return { ...scope, scenario: id };
  if (/^\d+\.\d+\.[a-z]*\d+$/i.test(id)) return { ...scope, step: id };
  throw new UsageError(`Unexpected "${id}" after history, expected a scenario (3.3, 6) or a step (3.3.1, 3.3.s2)`);
}
