import { EntityNotFoundException, GetJobRunCommand, GetJobRunsCommand, type GlueClient, type JobRun } from '@aws-sdk/client-glue';
import type { Lookback } from '../stepfunctions/lookback';
import { failedRunStates, inProgressRunStates } from './run-states';

/** What looking for a job's failed run found. */
export type FailedRunSearch =
  | { kind: 'found'; run: JobRun }
  /** The newest run has not ended (a re-run, say): its outcome is not known yet. */
  | { kind: 'in-progress'; run: JobRun }
  | { kind: 'none'; latest: JobRun | null }
  | { kind: 'job-missing' };

/**
 * The newest run of a job that started within the window when it failed (FAILED, TIMEOUT, ERROR), or the named run
 * when `runId` is given (none when it does not exist). A newest run still going is reported as in progress; one that
 * succeeded means any earlier failure is behind it. GetJobRuns lists newest first.
 */
export async function findFailedRun(glue: GlueClient, jobName: string, window: Lookback, runId?: string, signal?: AbortSignal): Promise<FailedRunSearch> {
  try {
    if (runId) {
      const { JobRun } = await glue.send(new GetJobRunCommand({ JobName: jobName, RunId: runId }), { abortSignal: signal });
      return JobRun ? { kind: 'found', run: JobRun } : { kind: 'none', latest: null };
    }
    const response = await glue.send(new GetJobRunsCommand({ JobName: jobName, MaxResults: 1 }), { abortSignal: signal });
    const latest = response.JobRuns?.[0] ?? null;
    if (!latest || (latest.StartedOn && latest.StartedOn < window.since)) return { kind: 'none', latest };
    if (inProgressRunStates.has(latest.JobRunState ?? '')) return { kind: 'in-progress', run: latest };
    if (failedRunStates.has(latest.JobRunState ?? '')) return { kind: 'found', run: latest };
    return { kind: 'none', latest };
  } catch (error) {
    if (!(error instanceof EntityNotFoundException)) throw error;
    return runId ? { kind: 'none', latest: null } : { kind: 'job-missing' };
  }
}
