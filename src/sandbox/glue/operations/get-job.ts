import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import type { SandboxStates } from '../../states';
import { jobShape } from '../shapes';

const input = z.object({ JobName: z.string().min(1) });

/** GetJob: one job definition, or EntityNotFoundException. */
export const getJob = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  run(input, env) {
    const job = env.states.glue.jobs.get(input.JobName);
    if (!job) return operationError('EntityNotFoundException', `Job ${input.JobName} not found`);
    return { body: { Job: jobShape(job) } };
  },
});
