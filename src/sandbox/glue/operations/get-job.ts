import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import type { SandboxStates } from '../../states';
import { jobShape } from '../shapes';
import { regionalArn } from '../../authorization/arns';

const input = z.object({ JobName: z.string().min(1) });

/** GetJob: one job definition, or EntityNotFoundException. */
export const getJob = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'glue:GetJob', resource: regionalArn('glue', `job/${input.JobName}`) }),
  run(input, env) {
    const job = env.states.glue.jobs.get(input.JobName);
    if (!job) return operationError('EntityNotFoundException', `Job ${input.JobName} not found`);
    return { body: { Job: jobShape(job) } };
  },
});
