import { DescribeBudgetsCommand, NotFoundException, type Budget } from '@aws-sdk/client-budgets';
import { ListDashboardsCommand, type DashboardEntry } from '@aws-sdk/client-cloudwatch';
import type { CheckContext } from '../../check-api';

/** Every dashboard of the account (ListDashboards, all pages). */
export async function listDashboards(ctx: CheckContext): Promise<DashboardEntry[]> {
  const dashboards: DashboardEntry[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.clients.cloudwatch().send(new ListDashboardsCommand(token ? { NextToken: token } : {}), { abortSignal: ctx.signal });
    dashboards.push(...(page.DashboardEntries ?? []));
    token = page.NextToken;
  } while (token);
  return dashboards;
}

/** Every budget of the account (DescribeBudgets, all pages); none when AWS Budgets answers NotFoundException, as it does for an account without one. */
export async function listBudgets(ctx: CheckContext, accountId: string): Promise<Budget[]> {
  const budgets: Budget[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await ctx.clients.budgets().send(new DescribeBudgetsCommand({ AccountId: accountId, MaxResults: 100, ...(token ? { NextToken: token } : {}) }), { abortSignal: ctx.signal });
      budgets.push(...(page.Budgets ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (error instanceof NotFoundException) return [];
    throw error;
  }
  return budgets;
}
