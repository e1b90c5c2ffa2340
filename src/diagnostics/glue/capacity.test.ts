import { describe, expect, it } from 'vitest';
import type { Job, JobRun } from '@aws-sdk/client-glue';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { capacityOf } from './capacity';

describe.skipIf(!hasRealArtifacts)(`capacity of real Glue jobs and runs (${hasRealArtifacts ? 'AWS CLI examples' : realArtifactsSkipMessage})`, () => {
  it('reads a job sized by MaxCapacity alone, with no WorkerType', () => {
    const { Job: job } = readRealJson<{ Job: Job }>('glue/awscli_example_get-job.json');
    expect(capacityOf(undefined, job)).toEqual({ workerType: null, workers: null, maxCapacity: 10, totalMemoryGb: 160, problems: [] });
  });

  it('reads a G.1X run with ten workers', () => {
    const { JobRun: run } = readRealJson<{ JobRun: JobRun }>('glue/awscli_example_get-job-run_SUCCEEDED_G1X.json');
    expect(capacityOf(run)).toMatchObject({ workerType: 'G.1X', workers: 10, totalMemoryGb: 160, problems: [] });
  });
});

describe('capacity settings', () => {
  it('flags what Glue rejects or cannot run a Spark job with', () => {
    expect(capacityOf({ WorkerType: 'G.1X', NumberOfWorkers: 1 }).problems).toEqual(['NumberOfWorkers 1 is below the minimum of 2 for a Spark job']);
    expect(capacityOf({ MaxCapacity: 1 }).problems).toEqual(['MaxCapacity 1 is below the minimum of 2 DPUs for a Spark job']);
    expect(capacityOf({}).problems).toEqual(['neither WorkerType with NumberOfWorkers nor MaxCapacity is set']);
    expect(capacityOf({ WorkerType: 'Q.9X' as JobRun['WorkerType'], NumberOfWorkers: 4 }).problems).toEqual(['unknown worker type Q.9X']);
  });

  it('lets a run override its job and accepts a small Python shell job', () => {
    expect(capacityOf({ NumberOfWorkers: 20 }, { WorkerType: 'G.2X', NumberOfWorkers: 2 } as Job).totalMemoryGb).toBe(640);
    expect(capacityOf(undefined, { MaxCapacity: 0.0625, Command: { Name: 'pythonshell' } } as Job).problems).toEqual([]);
  });
});
