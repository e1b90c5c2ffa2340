import { epochSeconds } from '../aws-json/protocol';
import type { GlueJob, GlueJobRun } from './state';

/** A job as GetJob returns it (times in epoch seconds, runs and tags left out). */
export function jobShape(job: GlueJob): Record<string, unknown> {
  const { runs: _runs, Tags: _tags, CreatedOn, LastModifiedOn, ...rest } = job;
  return { ...rest, CreatedOn: epochSeconds(CreatedOn), LastModifiedOn: epochSeconds(LastModifiedOn), ExecutionProperty: { MaxConcurrentRuns: 1 } };
}

/**
 * A job run as GetJobRun(s) returns it: the run's capacity falls back to the job's, and a finished run
 * carries its ExecutionTime in seconds.
 */
export function jobRunShape(run: GlueJobRun, job: GlueJob | undefined): Record<string, unknown> {
  const { StartedOn, CompletedOn, ...rest } = run;
  const started = epochSeconds(StartedOn);
  const completed = CompletedOn ? epochSeconds(CompletedOn) : undefined;
  const workerType = run.WorkerType ?? job?.WorkerType;
  const workers = run.NumberOfWorkers ?? job?.NumberOfWorkers;
  const maxCapacity = run.MaxCapacity ?? job?.MaxCapacity;
  return {
    ...rest,
    PredecessorRuns: [],
    StartedOn: started,
    LastModifiedOn: completed ?? started,
    ...(completed !== undefined ? { CompletedOn: completed, ExecutionTime: Math.round(completed - started) } : {}),
    Timeout: run.Timeout ?? job?.Timeout ?? 2880,
    ...(workerType ? { WorkerType: workerType } : {}),
    ...(workers ? { NumberOfWorkers: workers } : {}),
    ...(maxCapacity ? { MaxCapacity: maxCapacity } : {}),
    ...(job?.GlueVersion ? { GlueVersion: job.GlueVersion } : {}),
  };
}
