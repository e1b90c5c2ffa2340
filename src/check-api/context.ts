import type { EnvironmentConfig } from '../config';
import type { ServiceClients } from '../clients';
import type { Memo } from './run-memo';

/** A source of the current time, so checks are deterministic under test. */
export interface Clock {
  now(): Date;
}

/** Everything a check may use: clients, configuration, clock and parameters. Checks reach nothing else. */
export interface CheckContext<P extends string = string> {
  /** The environment's name (`sandbox`, `prod`). */
  environment: string;
  config: EnvironmentConfig;
  clients: ServiceClients;
  clock: Clock;
  /** Values of `--param name=value`, for the parameters the check declares. */
  params: Partial<Record<P, string>>;
  /** Aborted when the check's timeout passes or the run is interrupted. */
  signal: AbortSignal;
  /** Debug output, shown with `--verbose`. */
  log(message: string): void;
  /**
   * The run's memo: what several checks need (the failed execution, its history, the external table's
   * description) is fetched once per run, keyed by what was asked: `ctx.memo(['sfn:GetExecutionHistory', arn], (signal) => …)`.
   */
  memo: Memo;
}
