import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { jobShape } from '../shapes';

const input = z.object({ MaxResults: z.number().int().min(1).max(1000).optional(), NextToken: z.string().optional() });

/** GetJobs: every job definition, paginated by name. */
export const getJobs = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: () => ({ action: 'glue:GetJobs', resource: '*' }),
  run(input, env) {
    const jobs = [...env.states.glue.jobs.values()].sort((a, b) => a.Name.localeCompare(b.Name));
    const page = paginate(jobs, input.MaxResults ?? 100, input.NextToken);
    return { body: { Jobs: page.items.map(jobShape), ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
