import { DescribeLogGroupsCommand, DescribeSubscriptionFiltersCommand, type LogGroup, type SubscriptionFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { CheckContext } from '../../check-api';

/** One log group as 7.4 sees it: whether it exists, how long it keeps events, and where its subscription filters send them. */
export type GroupDelivery = { name: string; exists: false } | { name: string; exists: true; retentionInDays: number | null; filters: SubscriptionFilter[] };

/** The log group of this exact name, from DescribeLogGroups by prefix (every page until it is found). */
async function findGroup(ctx: CheckContext, name: string): Promise<LogGroup | undefined> {
  let token: string | undefined;
  do {
    const page = await ctx.clients.logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, ...(token ? { nextToken: token } : {}) }), { abortSignal: ctx.signal });
    const found = page.logGroups?.find((g) => g.logGroupName === name);
    if (found) return found;
    token = page.nextToken;
  } while (token);
  return undefined;
}

/** Reads a log group's retention and subscription filters (DescribeLogGroups, DescribeSubscriptionFilters). */
export async function groupDelivery(ctx: CheckContext, name: string): Promise<GroupDelivery> {
  const group = await findGroup(ctx, name);
  if (!group) return { name, exists: false };
  const filters: SubscriptionFilter[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.clients.logs().send(new DescribeSubscriptionFiltersCommand({ logGroupName: name, ...(token ? { nextToken: token } : {}) }), { abortSignal: ctx.signal });
    filters.push(...(page.subscriptionFilters ?? []));
    token = page.nextToken;
  } while (token);
  return { name, exists: true, retentionInDays: group.retentionInDays ?? null, filters };
}

/** The log group name of a Step Functions logging destination ARN (`arn:aws:logs:…:log-group:NAME:*`), or null. */
export function logGroupOfArn(arn: string): string | null {
  return /:log-group:(.+?)(?::\*)?$/.exec(arn)?.[1] ?? null;
}
