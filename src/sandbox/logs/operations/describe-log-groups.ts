import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { logGroupArn } from '../arn';
import type { LogGroup } from '../state';
import { regionalArn } from '../../authorization/arns';

const input = z.object({
  accountIdentifiers: z.array(z.string()).max(20).optional(),
  logGroupNamePrefix: z.string().regex(/^[.\-_/#A-Za-z0-9]{1,512}$/).optional(),
  logGroupNamePattern: z.string().regex(/^[.\-_/#A-Za-z0-9]{0,512}$/).optional(),
  nextToken: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  includeLinkedAccounts: z.boolean().optional(),
  logGroupClass: z.enum(['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY']).optional(),
  logGroupIdentifiers: z.array(z.string().min(1)).min(1).max(50).optional(),
});

const storedBytes = (group: LogGroup) => [...group.streams.values()].reduce((sum, stream) => sum + stream.events.reduce((n, e) => n + Buffer.byteLength(e.message), 0), 0);

/**
 * DescribeLogGroups: the account's log groups by name, filtered by a name prefix, a case-insensitive
 * name pattern or a list of names and ARNs, a page at a time (at most 50). Every group is STANDARD.
 */
export const describeLogGroups = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: () => ({ action: 'logs:DescribeLogGroups', resource: regionalArn('logs', 'log-group:*') }),
  run(input, env) {
    const filters = [input.logGroupNamePrefix, input.logGroupNamePattern, input.logGroupIdentifiers].filter((f) => f !== undefined);
    if (filters.length > 1) return operationError('InvalidParameterException', 'LogGroup name prefix, LogGroup name pattern and LogGroup identifiers are mutually exclusive parameters.');
    const identifiers = input.logGroupIdentifiers?.map((id) => id.replace(/^arn:.*:log-group:/, '').replace(/:\*$/, ''));
    const pattern = input.logGroupNamePattern?.toLowerCase();
    const groups = [...env.states.logs.groups.values()]
      .filter((group) => group.name.startsWith(input.logGroupNamePrefix ?? ''))
      .filter((group) => !pattern || group.name.toLowerCase().includes(pattern))
      .filter((group) => !identifiers || identifiers.includes(group.name))
      .filter((group) => !input.logGroupClass || input.logGroupClass === 'STANDARD')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const page = paginate(groups, input.limit ?? 50, input.nextToken);
    return {
      body: {
        logGroups: page.items.map((group) => ({
          logGroupName: group.name,
          creationTime: group.creationTime,
          ...(group.retentionInDays ? { retentionInDays: group.retentionInDays } : {}),
          metricFilterCount: 0,
          arn: `${logGroupArn(group.name)}:*`,
          storedBytes: storedBytes(group),
          logGroupClass: 'STANDARD',
          logGroupArn: logGroupArn(group.name),
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      },
    };
  },
});
