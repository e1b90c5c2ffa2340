import type { ServiceHandler } from '../core/service';
import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { SandboxStates } from '../states';
import { getJob } from './operations/get-job';
import { getJobRun } from './operations/get-job-run';
import { getJobRuns } from './operations/get-job-runs';
import { getJobs } from './operations/get-jobs';
import { listJobs } from './operations/list-jobs';

const operations: Record<string, JsonOperation<SandboxStates>> = { GetJob: getJob, GetJobs: getJobs, GetJobRun: getJobRun, GetJobRuns: getJobRuns, ListJobs: listJobs };

/** The simulated Glue, awsJson1_1: job definitions (listed by name) and job runs. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.1', invalidTokenType: 'InvalidInputException' }, operations, request, env),
};
