import { EntityNotFoundException, GetJobRunCommand, GetJobRunsCommand, type GlueClient, type JobRun } from '@aws-sdk/client-glue';
import type { Lookback } from '../stepfunctions/lookback';
import { failedRunStates } from './run-states';

/** The most pages of GetJobRuns read while looking back, so a job with many runs costs a bounded number of calls. */
export const maxRunPages = 5;

/** What looking for a job's failed run found. */
export type FailedRunSearch =
  | { kind: 'found'; run: JobRun }
  | {
      kind: 'none';
      latest: JobRun | null;
      runsSeen: number;
      /** True when the page cap stopped the search before the start of the window. */
      capped: boolean;
    }
  | { kind: 'job-missing' };

/**
 * The newest failed run (FAILED, TIMEOUT, ERROR) of a job that started within the window, or the
 * named run when `runId` is given (none when it does not exist). Reads GetJobRuns newest first and
 * stops at the window or the page cap.
 */
export async function findFailedRun(glue: GlueClient, jobName: string, window: Lookback, runId?: string, signal?: AbortSignal): Promise<FailedRunSearch> {
  try {
    if (runId) {
      const { JobRun } = await glue.send(new GetJobRunCommand({ JobName: jobName, RunId: runId }), { abortSignal: signal });
      return JobRun ? { kind: 'found', run: JobRun } : { kind: 'none', latest: null, runsSeen: 0, capped: false };
    }
    let token: string | undefined;
    let latest: JobRun | null = null;
    let runsSeen = 0;
    for (let page = 0; page < maxRunPages; page++) {
      const response = await glue.send(new GetJobRunsCommand({ JobName: jobName, MaxResults: 50, NextToken: token }), { abortSignal: signal });
      for (const run of response.JobRuns ?? []) {
        if (run.StartedOn && run.StartedOn < window.since) return { kind: 'none', latest, runsSeen, capped: false };
        runsSeen++;
        latest ??= run;
        if (failedRunStates.has(run.JobRunState ?? '')) return { kind: 'found', run };
      }
      token = response.NextToken;
      if (!token) break;
    }
    return { kind: 'none', latest, runsSeen, capped: Boolean(token) };
  } catch (error) {
    if (!(error instanceof EntityNotFoundException)) throw error;
    return runId ? { kind: 'none', latest: null, runsSeen: 0, capped: false } : { kind: 'job-missing' };
  }
}
