import type { AcknowledgementEntry } from '../acks/load-acks';
import type { RunbookConfig } from '../config';
import type { Runbook } from '../model';
import type { Screen } from '../reporters/screen';
import type { CommandIo } from './check-command';
import type { EmbeddedSandbox } from './embedded-sandbox';
import type { CheckOptions } from './options';
import type { OutputPlan } from './output-plan';

/** What one invocation of `npm run check` works with, once its arguments, configuration and runbook are read. */
export interface CliSession {
  /** The arguments as given (`3.3 --world auto-refresh-off`), for the results store's record of the command. */
  argv: readonly string[];
  root: string;
  config: RunbookConfig;
  runbook: Runbook;
  options: CheckOptions;
  io: CommandIo;
  screen: Screen;
  outputs: OutputPlan;
  acknowledgements: AcknowledgementEntry[];
  /** Notes already printed (an expired acknowledgement), so a second run in the invocation does not repeat them. */
  told: Set<string>;
  /** The caller policy of `--sandbox-caller-policy`, read once for every run of the invocation. */
  callerPolicy?: unknown;
  /** The runbook's git commit, looked up while the checks run, for the results store (absent when nothing is saved). */
  commit?: Promise<string | null>;
  /** The sandbox started for the invocation's first run while the rest loads (see embedded-sandbox.ts). */
  sandbox?: EmbeddedSandbox;
}
