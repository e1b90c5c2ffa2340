import { z } from 'zod';

const money = z.strictObject({ amount: z.number().nonnegative(), unit: z.string().min(1).default('USD') });

const budgetSchema = z.strictObject({
  budgetType: z.enum(['COST', 'USAGE', 'RI_UTILIZATION', 'RI_COVERAGE', 'SAVINGS_PLANS_UTILIZATION', 'SAVINGS_PLANS_COVERAGE']).default('COST'),
  timeUnit: z.enum(['DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY']).default('MONTHLY'),
  limit: money,
  /** Spend so far in the current period. */
  actualSpend: money.optional(),
  start: z.iso.datetime().optional(),
  updatedOn: z.iso.datetime().optional(),
});

/** The budgets section of a world file: the account's budgets by name. */
export const budgetsSectionSchema = z.strictObject({
  budgets: z.record(z.string().regex(/^[^:\\]{1,100}$/, 'expected a budget name (no : or \\)'), budgetSchema).default({}),
});

/** One budget and its name, times resolved. */
export type Budget = Omit<z.infer<typeof budgetSchema>, 'start' | 'updatedOn'> & { name: string; start: Date; updatedOn: Date };

/** The simulated AWS Budgets: the account's budgets in name order. */
export interface BudgetsState {
  budgets: Budget[];
}

/** Builds the Budgets state from a world's budgets section; a budget starts at the month's start unless it says. */
export function loadBudgetsState(section: unknown, now: Date): BudgetsState {
  const parsed = budgetsSectionSchema.parse(section ?? {});
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const budgets = Object.entries(parsed.budgets).map(([name, b]) => ({
    ...b,
    name,
    start: b.start ? new Date(b.start) : monthStart,
    updatedOn: b.updatedOn ? new Date(b.updatedOn) : now,
  }));
  return { budgets: budgets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}
