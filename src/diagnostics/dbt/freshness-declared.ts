import { thresholdMs } from './freshness';
import type { FreshnessThreshold, ManifestSource } from './manifest';

/** What one source declares about its freshness. */
export type DeclaredFreshness =
  | { source: string; kind: 'declared'; warnAfter: string | null; errorAfter: string | null; loadedAtField: string | null }
  | { source: string; kind: 'missing' }
  /** warn_after is not shorter than error_after: dbt errors before (or as) it would warn. */
  | { source: string; kind: 'inverted'; warnAfter: string; errorAfter: string }
  /** A threshold whose period dbt does not know (minute, hour, day). */
  | { source: string; kind: 'unreadable'; problem: string };

const shown = (threshold: FreshnessThreshold) => `${threshold.count} ${threshold.period}`;

/** Judges each source of a manifest: does it declare `freshness.warn_after` or `error_after`, and do they make sense together. */
export function declaredFreshness(sources: Iterable<ManifestSource>): DeclaredFreshness[] {
  return [...sources].map((source): DeclaredFreshness => {
    const name = `${source.sourceName}.${source.name}`;
    const { warnAfter, errorAfter } = source;
    if (!warnAfter && !errorAfter) return { source: name, kind: 'missing' };
    for (const [field, threshold] of [['warn_after', warnAfter], ['error_after', errorAfter]] as const) {
      if (threshold && thresholdMs(threshold) === null) return { source: name, kind: 'unreadable', problem: `${field} has the period "${threshold.period}", expected minute, hour or day` };
    }
    if (warnAfter && errorAfter && thresholdMs(warnAfter)! >= thresholdMs(errorAfter)!) return { source: name, kind: 'inverted', warnAfter: shown(warnAfter), errorAfter: shown(errorAfter) };
    return { source: name, kind: 'declared', warnAfter: warnAfter ? shown(warnAfter) : null, errorAfter: errorAfter ? shown(errorAfter) : null, loadedAtField: source.loadedAtField };
  });
}
