import { z } from 'zod';
import type { FreshnessThreshold } from './manifest';
import { artifactVersion, MalformedArtifactError } from './schema-version';

const thresholdSchema = z.object({ count: z.number().nullish(), period: z.string().nullish() }).nullish();

const sourcesSchema = z.object({
  metadata: z.object({ generated_at: z.string() }),
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      max_loaded_at: z.string().nullish(),
      snapshotted_at: z.string().nullish(),
      error: z.string().nullish(),
      criteria: z.object({ warn_after: thresholdSchema, error_after: thresholdSchema }).partial().nullish(),
    }),
  ),
});

/** One source's result of `dbt source freshness`. */
export interface SourceFreshness {
  uniqueId: string;
  status: string;
  maxLoadedAt: string | null;
  snapshottedAt: string | null;
  warnAfter: FreshnessThreshold | null;
  errorAfter: FreshnessThreshold | null;
  error: string | null;
}

/** A parsed sources.json. */
export interface SourcesArtifact {
  schemaVersion: number;
  generatedAt: string;
  results: SourceFreshness[];
}

const toThreshold = (value: z.infer<typeof thresholdSchema>): FreshnessThreshold | null =>
  value && typeof value.count === 'number' && value.period ? { count: value.count, period: value.period } : null;

/** Parses sources.json (schema v1 to v3), written by `dbt source freshness`. */
export function parseSources(document: unknown): SourcesArtifact {
  const schemaVersion = artifactVersion('sources', document);
  const parsed = sourcesSchema.safeParse(document);
  if (!parsed.success) throw new MalformedArtifactError('sources', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  return {
    schemaVersion,
    generatedAt: parsed.data.metadata.generated_at,
    results: parsed.data.results.map((r) => ({
      uniqueId: r.unique_id,
      status: r.status,
      maxLoadedAt: r.max_loaded_at ?? null,
      snapshottedAt: r.snapshotted_at ?? null,
      warnAfter: toThreshold(r.criteria?.warn_after),
      errorAfter: toThreshold(r.criteria?.error_after),
      error: r.error ?? null,
    })),
  };
}

const periodMs: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** A threshold in milliseconds; null for a period dbt does not define. */
export function thresholdMs(threshold: FreshnessThreshold | null): number | null {
  if (!threshold) return null;
  const unit = periodMs[threshold.period.replace(/s$/, '')];
  return unit === undefined ? null : threshold.count * unit;
}

/** How fresh data is now: its age against the warn and error thresholds. */
export type FreshnessVerdict =
  | { status: 'fresh'; ageMs: number }
  | { status: 'warn'; ageMs: number; limitMs: number }
  | { status: 'stale'; ageMs: number; limitMs: number }
  | { status: 'empty' };

/** Judges the newest load time against the thresholds as of `now` (not as of when an artifact was written). */
export function judgeFreshness(newest: Date | null, now: Date, warnAfterMs: number | null, errorAfterMs: number | null): FreshnessVerdict {
  if (!newest) return { status: 'empty' };
  const ageMs = Math.max(0, now.getTime() - newest.getTime());
  if (errorAfterMs !== null && ageMs > errorAfterMs) return { status: 'stale', ageMs, limitMs: errorAfterMs };
  if (warnAfterMs !== null && ageMs > warnAfterMs) return { status: 'warn', ageMs, limitMs: warnAfterMs };
  return { status: 'fresh', ageMs };
}
