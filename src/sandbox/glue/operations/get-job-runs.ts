import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { jobRunShape } from '../shapes';
import { regionalArn } from '../../authorization/arns';

const input = z.object({ JobName: z.string().min(1), MaxResults: z.number().int().min(1).max(200).optional(), NextToken: z.string().optional() });

/** GetJobRuns: a job's runs, newest first, paginated (MaxResults at most 200, as in Glue). */
export const getJobRuns = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'glue:GetJobRuns', resource: regionalArn('glue', `job/${input.JobName}`) }),
  run(input, env) {
    const { jobs, runs } = env.states.glue;
    const job = jobs.get(input.JobName);
    if (!job) return operationError('EntityNotFoundException', `Job ${input.JobName} not found`);
    const page = paginate(runs.get(input.JobName) ?? [], input.MaxResults ?? 100, input.NextToken);
    return { body: { JobRuns: page.items.map((run) => jobRunShape(run, job)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
