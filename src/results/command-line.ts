import type { StoredRun } from './stored-run';

const plain = /^[\w@%+=:,./-]+$/;

/** Quotes one argument for a POSIX shell, only when it needs it. */
function shellQuote(argument: string): string {
  return plain.test(argument) ? argument : `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** The command line a run was started with, as it could be typed again (`npm run check -- 3.3 --world healthy`). */
export function formatCommand(run: Pick<StoredRun, 'command'>): string {
  return ['npm run check --', ...run.command.map(shellQuote)].join(' ');
}
