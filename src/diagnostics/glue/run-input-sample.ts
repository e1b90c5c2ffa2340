import { EntityNotFoundException, GetJobCommand, type Job, type JobRun } from '@aws-sdk/client-glue';
import { NoSuchBucket } from '@aws-sdk/client-s3';
import type { CheckContext } from '../../check-api';
import { rawInputSchema, type RawInputConfig } from '../../config/areas/raw-input';
import type { PipelineConfig } from '../../config/areas/pipeline';
import { sampleInput, type InputSample } from '../reviews/sample-input';
import { runInputLocation } from './input-location';

/** What sampling a run's input found: a sample, or why there is none. */
export type RunInputSample =
  | { kind: 'sampled'; argument: string; sample: InputSample; job: Job | null }
  | { kind: 'no-input-argument'; looked: readonly string[]; job: Job | null }
  | { kind: 'not-s3'; argument: string; value: string; job: Job | null }
  | { kind: 'no-bucket'; bucket: string; job: Job | null };

/** The raw input settings, with their defaults when the environment sets none. */
export function rawInputSettings(ctx: CheckContext): RawInputConfig {
  return ctx.config.rawInput ?? rawInputSchema.parse({});
}

/** The job definition, or null when it no longer exists. */
export function getJobOrNull(ctx: CheckContext, jobName: string): Promise<Job | null> {
  return ctx.memo(['glue:GetJob', jobName], async (signal) => {
    try {
      return (await ctx.clients.glue().send(new GetJobCommand({ JobName: jobName }), { abortSignal: signal })).Job ?? null;
    } catch (error) {
      if (error instanceof EntityNotFoundException) return null;
      throw error;
    }
  });
}

/** Samples the raw input a run read (its input argument, or the job's default), bounded by the raw input caps. */
export async function sampleRunInput(ctx: CheckContext, run: JobRun, jobName: string, pipeline: PipelineConfig): Promise<RunInputSample> {
  const job = await getJobOrNull(ctx, jobName);
  const input = runInputLocation(run, pipeline.inputPathArguments, job?.DefaultArguments ?? {});
  if (input.kind === 'absent') return { kind: 'no-input-argument', looked: input.looked, job };
  if (input.kind === 'not-s3') return { kind: 'not-s3', argument: input.argument, value: input.value, job };
  try {
    const sample = await ctx.memo(['s3:input-sample', input.location.bucket, input.location.prefix], (signal) => sampleInput(ctx.clients.s3(), input.location, rawInputSettings(ctx), ctx.clock.now(), signal));
    return { kind: 'sampled', argument: input.argument, sample, job };
  } catch (error) {
    if (error instanceof NoSuchBucket) return { kind: 'no-bucket', bucket: input.location.bucket, job };
    throw error;
  }
}
