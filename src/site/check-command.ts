/** Where a command runs: the environment of runbook.config.ts and, for the sandbox, its world. */
export interface CommandTarget {
  environment?: string;
  world?: string | null;
  fix?: boolean;
}

/**
 * The CLI command that runs a step or a scenario, as an engineer would type it: with the `--env` and
 * `--world` of the result it reproduces (`npm run check -- 3.1.3 --env sandbox --world glue-corrupt-json`).
 */
export function checkCommand(id: string, target: CommandTarget = {}): string {
  const parts = ['npm run check --', id];
  if (target.environment) parts.push('--env', target.environment);
  if (target.world) parts.push('--world', target.world);
  if (target.fix) parts.push('--fix');
  return parts.join(' ');
}
