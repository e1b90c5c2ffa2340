import { faultSchema, type Fault, type FaultEffect, type FaultSpec } from './schema';
import { seededRandom } from './random';

/** What the faults decide for one call: how long to hold it, and what, if anything, replaces its answer. */
export interface FaultDecision {
  latencyMs: number;
  /** The first matching fault that is not latency; undefined when the call is answered as usual. */
  effect?: Exclude<FaultEffect, { kind: 'latency' }>;
  /** The kinds applied, for the call log. */
  applied: string[];
}

/** One active fault and what it has used of its `times`: in all, and per call for `per: 'call'`. */
interface FaultEntry {
  fault: Fault;
  hits: number;
  hitsByCall: Map<string, number>;
}

/** The faults active in a sandbox, with what each has used of its `times`, and the random source for rates. */
export class FaultPlan {
  private faults: FaultEntry[] = [];
  private random: () => number;

  constructor(specs: readonly FaultSpec[] = [], seed = 1) {
    this.random = seededRandom(seed);
    this.replace(specs, seed);
  }

  /** Replaces every fault (validating them) and restarts the random source. */
  replace(specs: readonly FaultSpec[], seed = 1): void {
    this.faults = specs.map((spec) => ({ fault: faultSchema.parse(spec), hits: 0, hitsByCall: new Map() }));
    this.random = seededRandom(seed);
  }

  /** The active faults, as given. */
  list(): Fault[] {
    return this.faults.map((entry) => entry.fault);
  }

  /**
   * Decides what happens to a call of `service` / `operation`: latencies add up, the first other fault wins.
   * `call` identifies the call across its attempts (its trace id), for faults whose `times` count per call.
   */
  decide(service: string, operation: string, call = `${service} ${operation}`): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, applied: [] };
    for (const entry of this.faults) {
      const { fault } = entry;
      if (fault.service && fault.service !== service) continue;
      if (fault.operation && fault.operation !== operation) continue;
      const used = fault.per === 'call' ? (entry.hitsByCall.get(call) ?? 0) : entry.hits;
      if (fault.times !== undefined && used >= fault.times) continue;
      if (fault.effect.kind !== 'latency' && decision.effect) continue;
      if (fault.rate < 1 && this.random() >= fault.rate) continue;
      entry.hits++;
      if (fault.per === 'call') entry.hitsByCall.set(call, used + 1);
      decision.applied.push(fault.effect.kind);
      if (fault.effect.kind === 'latency') decision.latencyMs += fault.effect.ms;
      else decision.effect = fault.effect;
    }
    return decision;
  }
}
