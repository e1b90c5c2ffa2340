import type { CallRecord } from './call-log';

/** The longest chain of calls that waited for each other, and how long its calls took end to end. */
export interface CriticalPath {
  /** The sum of the chain's call durations (arrival to answer, latency included), in ms. */
  ms: number;
  /** The chain, first call first. */
  calls: CallRecord[];
}

/**
 * The critical path of a call log: the longest chain of dependent calls, where a traced call depends on
 * the calls its trace says it waited for (the calls before it in its check, and the shared loads it
 * awaited). An untraced call stands alone; a call still unanswered is left out. Retries of one call
 * (the same trace id) count as one call from the first arrival to the last answer.
 */
export function criticalPath(records: readonly CallRecord[]): CriticalPath {
  const answered = records.filter((record) => record.endedMs !== undefined);
  const byId = new Map<string, CallRecord[]>();
  for (const record of answered) if (record.trace) byId.set(record.trace.id, [...(byId.get(record.trace.id) ?? []), record]);
  const duration = (group: CallRecord[]) => Math.max(...group.map((r) => r.endedMs!)) - Math.min(...group.map((r) => r.startedMs));
  const best = new Map<string, CriticalPath>();
  const longestTo = (id: string): CriticalPath => {
    const known = best.get(id);
    if (known) return known;
    const group = byId.get(id)!;
    const before = group[0]!.trace!.after.filter((prior) => byId.has(prior)).map(longestTo);
    const head = before.reduce<CriticalPath>((longest, path) => (path.ms > longest.ms ? path : longest), { ms: 0, calls: [] });
    const path = { ms: head.ms + duration(group), calls: [...head.calls, group[0]!] };
    best.set(id, path);
    return path;
  };
  const paths = [...byId.keys()].map(longestTo);
  for (const record of answered) if (!record.trace) paths.push({ ms: record.endedMs! - record.startedMs, calls: [record] });
  return paths.reduce<CriticalPath>((longest, path) => (path.ms > longest.ms ? path : longest), { ms: 0, calls: [] });
}
