import { describe, expect, it } from 'vitest';
import type { Job, JobRun } from '@aws-sdk/client-glue';
import { hasRealArtifacts, readRealJson, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { capacityOf, workerMemoryGb } from './capacity';

describe.skipIf(!hasRealArtifacts)(`capacity of real Glue jobs and runs (${hasRealArtifacts ? 'AWS CLI examples' : realArtifactsSkipMessage})`, () => {
  it('reads a job sized by MaxCapacity alone, with no WorkerType', () => {
    const { Job: job } = readRealJson<{ Job: Job }>('glue/awscli_example_get-job.json');
    expect(capacityOf(undefined, job)).toEqual({ workerType: null, workers: null, maxCapacity: 10, totalMemoryGb: 160, problems: [] });
  });

  it('knows the memory of every worker type the Glue API defines (botocore shape WorkerType)', () => {
    const { shapes } = readRealJson<{ shapes: Record<string, { enum?: string[] }> }>('aws_shapes/glue_GetJobRun_GetJobRuns_GetJob.shapes.json');
    const types = shapes.WorkerType!.enum!;
    expect(types.length).toBeGreaterThan(5);
    for (const type of types) expect(workerMemoryGb[type], type).toBeGreaterThan(0);
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

  it('sizes workers by the published table: G.025X 4 GB, G.12X 192 GB, R.2X 64 GB, Standard 16 GB', () => {
    const memory = (WorkerType: string, NumberOfWorkers: number) => capacityOf({ WorkerType: WorkerType as JobRun['WorkerType'], NumberOfWorkers }).totalMemoryGb;
    expect([memory('G.025X', 2), memory('G.12X', 2), memory('R.2X', 3), memory('Standard', 4), memory('G.16X', 2), memory('R.8X', 2)]).toEqual([8, 384, 192, 64, 512, 512]);
  });

  it('lets a run override its job and accepts a small Python shell job', () => {
    expect(capacityOf({ NumberOfWorkers: 20 }, { WorkerType: 'G.2X', NumberOfWorkers: 2 } as Job).totalMemoryGb).toBe(640);
    expect(capacityOf(undefined, { MaxCapacity: 0.0625, Command: { Name: 'pythonshell' } } as Job)).toMatchObject({ problems: [], totalMemoryGb: 1 });
  });
});
