import { ServiceCallError } from '../service-error';
import { breakingFailure } from './breaking-failure';

/** Raised instead of calling a service that hung or refused a connection earlier in the run: the call fails at once. */
export class ServiceHungError extends ServiceCallError {
  override name = 'ServiceHungError';
  constructor(
    service: string,
    operation: string,
    /** What happened first, in words: `Snowflake did not answer within 10 s (query)`. */
    readonly firstFailure: string,
  ) {
    super(service, operation, 'unreachable', `not sent: ${firstFailure} earlier in this run, so its other calls fail at once instead of each waiting out its timeout`);
  }
}

/**
 * A run's breaker per service: once a call to a service has hung or been refused, the run's other calls to it fail
 * at once as ServiceHungError. A run has one, shared by all its clients; it never closes again within the run.
 */
export interface ServiceBreaker {
  /** Throws ServiceHungError when `service` hung or refused earlier in the run. */
  guard(service: string, operation: string): void;
  /** Hears of a failed call: trips the service's breaker when the call hung (`timeoutMs` is its timeout) or was refused. */
  record(service: string, operation: string, error: unknown, timeoutMs?: number): void;
}

/** A new breaker, closed for every service. */
export function createServiceBreaker(): ServiceBreaker {
  const open = new Map<string, string>();
  return {
    guard(service, operation) {
      const first = open.get(service);
      if (first) throw new ServiceHungError(service, operation, first);
    },
    record(service, operation, error, timeoutMs) {
      if (open.has(service)) return;
      const failure = breakingFailure(error);
      if (failure === 'hung') open.set(service, `${service} did not answer${timeoutMs ? ` within ${timeoutMs / 1000} s` : ' in time'} (${operation})`);
      if (failure === 'refused') open.set(service, `${service} refused the connection (${operation})`);
    },
  };
}

/** Runs one call through the breaker: refused at once when the service is open, and its failure recorded. */
export async function throughBreaker<T>(breaker: ServiceBreaker | undefined, service: string, operation: string, timeoutMs: number | undefined, call: () => Promise<T>): Promise<T> {
  if (!breaker) return call();
  breaker.guard(service, operation);
  try {
    return await call();
  } catch (error) {
    breaker.record(service, operation, error, timeoutMs);
    throw error;
  }
}
