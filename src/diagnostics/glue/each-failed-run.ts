import type { JobRun } from '@aws-sdk/client-glue';
import { combineVerdicts, error, fail, link, notConfigured, skip, warn, type CheckContext, type SubjectVerdict } from '../../check-api';
import type { PipelineConfig } from '../../config/areas/pipeline';
import type { CheckResult } from '../../model';
import { lookback } from '../stepfunctions/lookback';
import { glueJobConsoleUrl, glueRunConsoleUrl } from './console-url';
import { findFailedRun } from './find-failed-run';

/** The job run named by --param jobRunId is in none of the jobs searched. */
export class JobRunNotFoundError extends Error {
  override name = 'JobRunNotFoundError';
  constructor(readonly jobRunId: string, readonly jobs: readonly string[]) {
    super(`no job run ${jobRunId} in ${jobs.join(', ')}`);
  }
}

/** The parameters that name a job run instead of the most recent failed one. */
export const jobRunParams = {
  jobRunId: { description: 'a Glue job run id (jr_…) to inspect instead of the most recent failed run' },
  jobName: { description: 'the job of --param jobRunId (default: each configured job in turn)' },
} as const;

/** What a check about a failed run gets: the run, its job's name, the settings and the run's console link. */
export interface FailedRunContext {
  run: JobRun;
  jobName: string;
  pipeline: PipelineConfig;
  region: string;
  consoleLink: ReturnType<typeof link>;
}

/**
 * Runs `judge` on the newest run of each configured Glue job when it failed in the look-back window (or on the run
 * `jobRunId` names); a job whose newest run is still going warns (wait for it), a job without a failure is skipped,
 * a job that does not exist fails.
 */
export async function eachFailedRun(ctx: CheckContext<'jobRunId' | 'jobName'>, judge: (found: FailedRunContext) => Promise<CheckResult>): Promise<CheckResult> {
  const pipeline = ctx.config.pipeline;
  if (!pipeline) return notConfigured(ctx.environment, 'pipeline.glueJobs');
  const region = ctx.config.aws?.region ?? 'us-east-1';
  const window = lookback(ctx.clock, pipeline.lookbackHours);
  const runId = ctx.params.jobRunId;
  const jobs = ctx.params.jobName ? [ctx.params.jobName] : pipeline.glueJobs;
  const parts: SubjectVerdict[] = [];
  for (const jobName of jobs) {
    const search = await ctx.memo(['glue:failed-run', jobName, pipeline.lookbackHours, runId], (signal) => findFailedRun(ctx.clients.glue(), jobName, window, runId, signal));
    if (search.kind === 'job-missing') {
      parts.push({ subject: jobName, result: fail(`Glue job ${jobName} does not exist`, { links: [link(`Glue job ${jobName}`, glueJobConsoleUrl(region, jobName))] }) });
    } else if (search.kind === 'in-progress') {
      const run = search.run;
      const links = [link(`Glue job run ${run.Id}`, glueRunConsoleUrl(region, jobName, run.Id ?? ''))];
      parts.push({ subject: jobName, result: warn(`Glue job ${jobName} run ${run.Id} is ${run.JobRunState} (started ${run.StartedOn?.toISOString()}): wait for it; its outcome is not known yet`, { links }) });
    } else if (search.kind === 'none') {
      parts.push({ subject: jobName, result: skip(runId ? `no run ${runId} of ${jobName}` : `no failed run of ${jobName} in ${window.label}`) });
    } else {
      const run = search.run;
      const consoleLink = link(`Glue job run ${run.Id}`, glueRunConsoleUrl(region, jobName, run.Id ?? ''));
      parts.push({ subject: jobName, result: await judge({ run, jobName, pipeline, region, consoleLink }) });
      if (runId) break;
    }
  }
  const judged = parts.filter((p) => p.result.status !== 'skip');
  // A run the user named that does not exist is a request the check cannot answer, never a healthy symptom.
  if (runId && judged.length === 0) return error(`could not tell: no job run ${runId} in ${jobs.join(', ')}`, new JobRunNotFoundError(runId, jobs));
  // Jobs without a failed run say nothing about the ones with one.
  return combineVerdicts(judged.length ? judged : parts);
}
