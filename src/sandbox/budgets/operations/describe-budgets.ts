import { z } from 'zod';
import { sandboxAccountId } from '../../aws-json/account';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import { epochSeconds } from '../../aws-json/protocol';
import type { SandboxStates } from '../../states';
import type { Budget } from '../state';

const input = z.object({
  AccountId: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  MaxResults: z.number().int().min(1).max(1000).optional(),
  NextToken: z.string().min(1).max(2147483647).optional(),
  ShowFilterExpression: z.boolean().optional(),
});

const spend = (money: { amount: number; unit: string }) => ({ Amount: money.amount.toFixed(1), Unit: money.unit });
/** The end AWS gives a budget without one: 2087-06-15, the API's "no end". */
const noEnd = new Date('2087-06-15T00:00:00Z');

function budgetShape(budget: Budget) {
  return {
    BudgetName: budget.name,
    BudgetLimit: spend(budget.limit),
    CostFilters: {},
    CostTypes: { IncludeTax: true, IncludeSubscription: true, UseBlended: false, IncludeRefund: false, IncludeCredit: false, IncludeUpfront: true, IncludeRecurring: true, IncludeOtherSubscription: true, IncludeSupport: true, IncludeDiscount: true, UseAmortized: false },
    TimeUnit: budget.timeUnit,
    TimePeriod: { Start: epochSeconds(budget.start), End: epochSeconds(noEnd) },
    CalculatedSpend: { ActualSpend: spend(budget.actualSpend ?? { amount: 0, unit: budget.limit.unit }) },
    BudgetType: budget.budgetType,
    LastUpdatedTime: epochSeconds(budget.updatedOn),
  };
}

/**
 * DescribeBudgets: the account's budgets, 100 a page unless MaxResults says; an account without any budget
 * is NotFoundException, as AWS Budgets answers, and another account than the sandbox's is AccessDeniedException.
 */
export const describeBudgets = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'budgets:ViewBudget', resource: `arn:aws:budgets::${input.AccountId}:budget/*` }),
  run(input, env) {
    if (input.AccountId !== sandboxAccountId) return operationError('AccessDeniedException', `User is not authorized to view budgets of account ${input.AccountId}`);
    const budgets = env.states.budgets.budgets;
    if (budgets.length === 0) return operationError('NotFoundException', `Unable to get budgets for account: ${input.AccountId} - no budgets exist`);
    const page = paginate(budgets, input.MaxResults ?? 100, input.NextToken);
    return { body: { Budgets: page.items.map(budgetShape), ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
  },
});
