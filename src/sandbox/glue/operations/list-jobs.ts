import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';

const input = z.object({
  NextToken: z.string().optional(),
  MaxResults: z.number().int().min(1).max(1000).optional(),
  Tags: z.record(z.string().min(1).max(128), z.string().max(256)).optional(),
});

/** ListJobs: the names of every job (those carrying all the given tags, when asked), by name, a page at a time. */
export const listJobs = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: () => ({ action: 'glue:ListJobs', resource: '*' }),
  run(input, env) {
    const wanted = Object.entries(input.Tags ?? {});
    const names = [...env.states.glue.jobs.values()]
      .filter((job) => wanted.every(([key, value]) => job.Tags[key] === value))
      .map((job) => job.Name)
      .sort();
    const page = paginate(names, input.MaxResults ?? 100, input.NextToken);
    return { body: { JobNames: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
