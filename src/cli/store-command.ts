import type { RunbookConfig } from '../config';
import type { Screen } from '../reporters/screen';
import type { CommandIo } from './check-command';
import type { CheckOptions } from './options';

/** What the commands that read the results store (`history`, `transcript`) work with: no runbook, no clients. */
export interface StoreCommandContext {
  root: string;
  config: RunbookConfig;
  options: CheckOptions;
  io: CommandIo;
  screen: Screen;
  /** The arguments after the command's name (`history 3.3` gives `['3.3']`). */
  args: readonly string[];
  now: Date;
}

/** The subcommands that read the store or the audit log, by the word that names them: `npm run check -- history`. */
export const storeCommandNames = ['history', 'transcript', 'verify-audit'] as const;

/** `history`, `transcript` or `verify-audit`. */
export type StoreCommandName = (typeof storeCommandNames)[number];

/** True when the first argument names a store command rather than a scenario or step. */
export function isStoreCommand(word: string | undefined): word is StoreCommandName {
  return (storeCommandNames as readonly string[]).includes(word ?? '');
}

/** Runs a store command, loading its module only then: a check run never loads the store readers. */
export async function runStoreCommand(name: StoreCommandName, context: StoreCommandContext): Promise<number> {
  if (name === 'history') return (require('./history/history-command') as typeof import('./history/history-command')).runHistory(context);
  if (name === 'verify-audit') return (require('./verify-audit-command') as typeof import('./verify-audit-command')).runVerifyAudit(context);
  return (require('./transcript/transcript-command') as typeof import('./transcript/transcript-command')).runTranscript(context);
}
