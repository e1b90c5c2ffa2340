import type { Job, JobRun } from '@aws-sdk/client-glue';

/**
 * Memory of one worker (GB) by Glue worker type, from AWS's published table ("AWS Glue worker types",
 * docs.aws.amazon.com/glue/latest/dg/worker-types.html; the CDK's WorkerType docs for Standard and Z.2X):
 * a DPU is 4 vCPUs and 16 GB, an M-DPU (R types, Ray's Z.2X) 4 vCPUs and 32 GB; G.025X is a quarter DPU, 2 vCPUs and 4 GB.
 */
export const workerMemoryGb: Record<string, number> = {
  Standard: 16,
  'G.025X': 4,
  'G.1X': 16,
  'G.2X': 32,
  'G.4X': 64,
  'G.8X': 128,
  'G.12X': 192,
  'G.16X': 256,
  'R.1X': 32,
  'R.2X': 64,
  'R.4X': 128,
  'R.8X': 256,
  'Z.2X': 64,
};

/** Memory of one DPU (GB), for jobs sized by MaxCapacity alone (Python shell: 0.0625 or 1 DPU; Spark: 2 or more). */
export const dpuMemoryGb = 16;

/** What a run (or job) was given: worker type and count, or DPUs, and the memory that adds up to. */
export interface Capacity {
  workerType: string | null;
  workers: number | null;
  maxCapacity: number | null;
  totalMemoryGb: number | null;
  /** Settings Glue would reject or that cannot run a Spark job sensibly. */
  problems: string[];
}

/** The capacity of a run, falling back to its job's settings. */
export function capacityOf(run: Pick<JobRun, 'WorkerType' | 'NumberOfWorkers' | 'MaxCapacity'> | undefined, job?: Job): Capacity {
  const workerType = run?.WorkerType ?? job?.WorkerType ?? null;
  const workers = run?.NumberOfWorkers ?? job?.NumberOfWorkers ?? null;
  const maxCapacity = run?.MaxCapacity ?? job?.MaxCapacity ?? null;
  const command = job?.Command?.Name ?? 'glueetl';
  const problems: string[] = [];
  let totalMemoryGb: number | null = null;
  if (workerType) {
    const perWorker = workerMemoryGb[workerType];
    if (perWorker === undefined) problems.push(`unknown worker type ${workerType}`);
    if (workers === null) problems.push(`WorkerType ${workerType} without NumberOfWorkers`);
    else if (command !== 'pythonshell' && workers < 2) problems.push(`NumberOfWorkers ${workers} is below the minimum of 2 for a Spark job`);
    if (perWorker !== undefined && workers !== null) totalMemoryGb = perWorker * workers;
  } else if (maxCapacity !== null) {
    if (command !== 'pythonshell' && maxCapacity < 2) problems.push(`MaxCapacity ${maxCapacity} is below the minimum of 2 DPUs for a Spark job`);
    totalMemoryGb = maxCapacity * dpuMemoryGb;
  } else {
    problems.push('neither WorkerType with NumberOfWorkers nor MaxCapacity is set');
  }
  return { workerType, workers, maxCapacity, totalMemoryGb, problems };
}
