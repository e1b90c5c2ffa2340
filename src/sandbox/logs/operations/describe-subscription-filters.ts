import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { findLogGroup } from '../group-name';
import { regionalArn } from '../../authorization/arns';

const input = z.object({
  logGroupName: z.string().regex(/^[.\-_/#A-Za-z0-9]{1,512}$/),
  filterNamePrefix: z.string().min(1).max(512).optional(),
  nextToken: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

/** DescribeSubscriptionFilters: a log group's subscription filters (pattern, destination, role) under a name prefix, 50 a page. */
export const describeSubscriptionFilters = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'logs:DescribeSubscriptionFilters', resource: regionalArn('logs', `log-group:${input.logGroupName}`) }),
  run(input, env) {
    const found = findLogGroup(env.states.logs, { logGroupName: input.logGroupName });
    if ('error' in found) return found.error;
    const { group } = found;
    const filters = group.subscriptionFilters.filter((f) => f.name.startsWith(input.filterNamePrefix ?? ''));
    const page = paginate(filters, input.limit ?? 50, input.nextToken);
    return {
      body: {
        subscriptionFilters: page.items.map((f) => ({
          filterName: f.name,
          logGroupName: group.name,
          filterPattern: f.filterPattern,
          destinationArn: f.destinationArn,
          ...(f.roleArn ? { roleArn: f.roleArn } : {}),
          distribution: 'ByLogStream',
          creationTime: group.creationTime,
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      },
    };
  },
});
