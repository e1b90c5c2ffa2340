import type { CheckOptions } from '../options';

/** Quotes a value for a POSIX shell when it holds anything but plain word characters. */
function shellWord(value: string): string {
  return /^[\w./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command that runs a scenario's checks where triage looked: the same environment, world and project. */
export function scenarioCommand(scenario: string, options: Pick<CheckOptions, 'env' | 'world' | 'root'>): string {
  const flags = [
    ...(options.env ? ['--env', options.env] : []),
    ...(options.world ? ['--world', options.world] : []),
    ...(options.root ? ['--root', options.root] : []),
  ];
  return ['npm run check --', scenario, ...flags.map(shellWord)].join(' ');
}
