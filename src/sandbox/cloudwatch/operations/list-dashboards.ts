import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { paginate } from '../../aws-json/pagination';
import { cloudwatchOperation } from '../operation';

const input = z.object({
  DashboardNamePrefix: z.string().min(1).max(255).optional(),
  NextToken: z.string().min(1).optional(),
});

/** ListDashboards: the account's dashboards (name, global ARN, last change, body size) under a name prefix, 1,000 a page. */
export const listDashboards = cloudwatchOperation({
  input,
  permission: () => ({ action: 'cloudwatch:ListDashboards', resource: '*' }),
  run(input, env) {
    const dashboards = env.states.cloudwatch.dashboards.filter((d) => d.name.startsWith(input.DashboardNamePrefix ?? ''));
    const page = paginate(dashboards, 1000, input.NextToken);
    return {
      result: {
        DashboardEntries: page.items.map((d) => ({
          DashboardName: d.name,
          DashboardArn: `arn:aws:cloudwatch::${sandboxAccountId}:dashboard/${d.name}`,
          LastModified: d.lastModified,
          Size: Buffer.byteLength(JSON.stringify(d.body)),
        })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      },
    };
  },
});
