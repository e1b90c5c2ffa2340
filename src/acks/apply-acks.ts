import type { RunReport, StepOutcome } from '../model';
import { countStatuses } from '../runner/count-statuses';
import type { AcknowledgementEntry } from './load-acks';

/** A run's report with its acknowledgements applied, and the entries worth telling about. */
export interface AcknowledgedRun {
  report: RunReport;
  /** Entries past their expiry: their steps fail again. */
  expired: AcknowledgementEntry[];
  /** Entries in force whose step ran and did not fail: the acknowledgement may go. */
  unused: AcknowledgementEntry[];
}

/** True when an entry is in force at `now` for the environment. */
export function isInForce(entry: AcknowledgementEntry, environment: string, now: Date): boolean {
  return (entry.environment === null || entry.environment === environment) && now.getTime() < entry.expires.getTime();
}

/**
 * Turns each failure that an entry in force acknowledges into `acknowledged` (keeping its summary and
 * evidence) and recounts the totals; an expired entry leaves its step failing. Errors are never acknowledged:
 * a check that could not tell has not shown the known failure.
 */
export function applyAcknowledgements(report: RunReport, entries: readonly AcknowledgementEntry[], now: Date): AcknowledgedRun {
  const forEnvironment = entries.filter((e) => e.environment === null || e.environment === report.environment);
  const inForce = new Map(forEnvironment.filter((e) => isInForce(e, report.environment, now)).map((e) => [e.step, e]));
  const results = report.results.map((outcome): StepOutcome => {
    const entry = inForce.get(outcome.step);
    if (!entry || outcome.status !== 'fail') return outcome;
    const { reason, owner, expires, source } = entry;
    return { ...outcome, status: 'acknowledged', acknowledgement: { reason, owner, expires: expires.toISOString(), source } };
  });
  const ran = new Map(report.results.map((r) => [r.step, r.status]));
  return {
    report: { ...report, results, totals: countStatuses(results) },
    expired: forEnvironment.filter((e) => !isInForce(e, report.environment, now)),
    unused: [...inForce.values()].filter((e) => ran.has(e.step) && ran.get(e.step) !== 'fail'),
  };
}
