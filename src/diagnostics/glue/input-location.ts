import type { JobRun } from '@aws-sdk/client-glue';
import { parseS3Url, type S3Location } from '../s3/s3-url';

/** Where a run read its input: the first configured argument that holds an S3 URL. */
export type RunInput = { kind: 'found'; argument: string; location: S3Location } | { kind: 'absent'; looked: readonly string[] } | { kind: 'not-s3'; argument: string; value: string };

/** Reads the run's input location from its arguments (`--input_path s3://arai-raw/reviews/…`). */
export function runInputLocation(run: JobRun, argumentNames: readonly string[], defaults: Record<string, string> = {}): RunInput {
  for (const argument of argumentNames) {
    const value = run.Arguments?.[argument] ?? defaults[argument];
    if (value === undefined) continue;
    const location = parseS3Url(value);
    return location ? { kind: 'found', argument, location } : { kind: 'not-s3', argument, value };
  }
  return { kind: 'absent', looked: argumentNames };
}
