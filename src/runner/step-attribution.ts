import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceCall, ServiceCallListener } from '../clients';

/** A service call with the step whose check made it (null for a call made outside any step). */
export type StepServiceCall = ServiceCall & { step: string | null };

/** Hears of every service call of a run, attributed to its step. */
export type StepServiceCallListener = (call: StepServiceCall) => void;

/** Ties the calls of a run's shared clients to the step whose check made them, through the async context each step runs in. */
export interface StepAttribution {
  /** The listener to give the clients; undefined when nobody listens. */
  onCall: ServiceCallListener | undefined;
  /** Runs a step's work so that its calls are attributed to it. */
  inStep<T>(step: string, work: () => T): T;
}

/**
 * The step each piece of a run's work belongs to. One for the process: Node keeps every AsyncLocalStorage that has run
 * until it is disabled, and copies each one's store into every new async resource, so one a run would pile up in a
 * process that runs many (a soak, a drill, the tests). Runs side by side stay apart: each step's work runs in its own
 * async context.
 */
const current = new AsyncLocalStorage<string>();

/** Creates the attribution of one run's calls for `listener` (calls are attributed whether or not anybody listens). */
export function attributeCallsToSteps(listener: StepServiceCallListener | undefined): StepAttribution {
  return {
    onCall: listener && ((call) => listener({ ...call, step: current.getStore() ?? null })),
    inStep: (step, work) => current.run(step, work),
  };
}
