/** The values Glue accepts for `--job-bookmark-option`. */
export const bookmarkOptions = ['job-bookmark-enable', 'job-bookmark-disable', 'job-bookmark-pause'] as const;

/** Why a job can (or cannot) run again over the same input without duplicating its output. */
export type RerunSafety =
  | { kind: 'bookmarks' }
  | { kind: 'partitioned-output'; outputPath: string }
  | { kind: 'unsafe'; bookmark: string | null; outputPath: string | null }
  | { kind: 'unknown-bookmark'; value: string };

/** A placeholder of the run's partition in a path: `{run_date}`, `${partition}`. */
const partitionPlaceholder = /\$?\{[A-Za-z_][\w.-]*\}/;

/**
 * Judges from a job's default arguments whether a re-run is safe: job bookmarks on (a re-run skips what was
 * processed), or an output path keyed by the run's partition (a re-run overwrites its own partition only).
 */
export function judgeRerunSafety(defaults: Readonly<Record<string, string>>, outputPathArgument: string): RerunSafety {
  const bookmark = defaults['--job-bookmark-option'] ?? null;
  if (bookmark !== null && !(bookmarkOptions as readonly string[]).includes(bookmark)) return { kind: 'unknown-bookmark', value: bookmark };
  if (bookmark === 'job-bookmark-enable') return { kind: 'bookmarks' };
  const outputPath = defaults[outputPathArgument] ?? null;
  if (outputPath && partitionPlaceholder.test(outputPath)) return { kind: 'partitioned-output', outputPath };
  return { kind: 'unsafe', bookmark, outputPath };
}
