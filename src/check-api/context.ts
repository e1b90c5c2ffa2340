import type { EnvironmentConfig } from '../config';
import type { ServiceClients } from '../clients';

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
}
