import { storeCommandNames } from './store-command';

/** The flags that make `npm run check` print something and exit without running a check. */
const flagsThatRunNothing = new Set(['--list', '--list-worlds', '--iam-policy', '--help', '-h']);

/**
 * Whether the raw arguments look like a run of checks (a selection or triage), judged before commander has parsed them
 * so that the sandbox thread can start at once: a wrong guess costs little either way (an unused thread is ended at
 * once; a run with no thread spawns it after parsing). No thread when RUNBOOK_SANDBOX_URL names a running sandbox.
 */
export function mayRunChecks(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (env.RUNBOOK_SANDBOX_URL) return false;
  if (argv.some((word) => flagsThatRunNothing.has(word))) return false;
  const first = argv.find((word) => !word.startsWith('-'));
  return !(storeCommandNames as readonly string[]).includes(first ?? '');
}
