import { defineCheck, evidence, link, notConfigured, pass, warn } from '../../src/check-api';
import { budgetsConsoleUrl, dashboardsConsoleUrl } from '../../src/diagnostics/cloudwatch/console-url';
import { listBudgets, listDashboards } from '../../src/diagnostics/cloudwatch/cost-views';

/** 7.3: someone can see what the platform costs: a cost budget, or a CloudWatch dashboard named for cost. */
export default defineCheck({
  id: 'cost-monitoring',
  title: 'Cost is monitored: a budget or a cost dashboard',
  establishes: 'The account has an AWS Budgets cost budget, or a CloudWatch dashboard whose name matches monitoring.costDashboardPattern (cost, billing, spend).',
  kind: 'check',
  uses: ['cloudwatch:ListDashboards', 'budgets:DescribeBudgets'],
  async run(ctx) {
    const monitoring = ctx.config.monitoring;
    if (!monitoring) return notConfigured(ctx.environment, 'monitoring');
    const accountId = ctx.config.aws?.accountId ?? ctx.config.pipeline?.stateMachineArn.split(':')[4];
    if (!accountId) return notConfigured(ctx.environment, 'aws.accountId');
    const region = ctx.config.aws?.region ?? 'us-east-1';
    const pattern = new RegExp(monitoring.costDashboardPattern, 'i');
    const [dashboards, budgets] = await Promise.all([listDashboards(ctx), listBudgets(ctx, accountId)]);
    const costDashboards = dashboards.filter((d) => pattern.test(d.DashboardName ?? '')).map((d) => d.DashboardName!);
    const costBudgets = budgets.filter((b) => b.BudgetType === 'COST');
    const seen = [
      evidence('cost dashboards', costDashboards),
      evidence('other dashboards', dashboards.map((d) => d.DashboardName ?? '').filter((name) => !costDashboards.includes(name))),
      evidence('cost budgets', costBudgets.map((b) => ({ name: b.BudgetName ?? null, limit: b.BudgetLimit ? `${b.BudgetLimit.Amount} ${b.BudgetLimit.Unit}` : null, timeUnit: b.TimeUnit ?? null, actualSpend: b.CalculatedSpend?.ActualSpend ? `${b.CalculatedSpend.ActualSpend.Amount} ${b.CalculatedSpend.ActualSpend.Unit}` : null }))),
    ];
    const links = [link('CloudWatch dashboards', dashboardsConsoleUrl(region)), link('AWS Budgets', budgetsConsoleUrl)];
    if (costDashboards.length === 0 && costBudgets.length === 0) {
      return warn(`not built yet: no cost budget in AWS Budgets and no CloudWatch dashboard matching /${monitoring.costDashboardPattern}/i (${dashboards.length} other dashboards)`, { evidence: seen, links });
    }
    const parts = [costBudgets.length ? `budget ${costBudgets.map((b) => b.BudgetName).join(', ')}` : '', costDashboards.length ? `dashboard ${costDashboards.join(', ')}` : ''].filter(Boolean);
    return pass(`cost is watched by ${parts.join(' and ')}`, { evidence: seen, links });
  },
});
