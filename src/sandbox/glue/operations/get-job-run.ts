import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import type { SandboxStates } from '../../states';
import { jobRunShape } from '../shapes';
import { regionalArn } from '../../authorization/arns';

const input = z.object({ JobName: z.string().min(1), RunId: z.string().min(1), PredecessorsIncluded: z.boolean().optional() });

/** GetJobRun: one run of a job, or EntityNotFoundException. */
export const getJobRun = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'glue:GetJobRun', resource: regionalArn('glue', `job/${input.JobName}`) }),
  run(input, env) {
    const { jobs, runs } = env.states.glue;
    const run = runs.get(input.JobName)?.find((candidate) => candidate.Id === input.RunId);
    if (!run) return operationError('EntityNotFoundException', `Job Run Id ${input.RunId} of job ${input.JobName} not found`);
    return { body: { JobRun: jobRunShape(run, jobs.get(input.JobName)) } };
  },
});
