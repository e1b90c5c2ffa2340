import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedException, DescribeBudgetsCommand, NotFoundException } from '@aws-sdk/client-budgets';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { loadBudgetsState } from './state';

let sandbox: Sandbox;
let budgets: ReturnType<typeof sandboxSdkClients>['budgets'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  budgets = sandboxSdkClients(sandbox.url).budgets;
});
afterAll(async () => {
  budgets?.destroy();
  await sandbox.stop();
});

describe('the Budgets sandbox speaks awsJson1_1 to the real SDK', () => {
  it('answers NotFoundException for an account without budgets (healthy has none) and AccessDeniedException for another account', async () => {
    await expect(budgets.send(new DescribeBudgetsCommand({ AccountId: '123456789012' }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(budgets.send(new DescribeBudgetsCommand({ AccountId: '210987654321' }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('describes the budgets of a world that has them: limit, spend and period, times as Dates', async () => {
    sandbox.states.budgets = loadBudgetsState({ budgets: { 'arai-monthly': { limit: { amount: 1200 }, actualSpend: { amount: 431.5 } } } }, new Date('2026-11-20T10:00:00Z'));
    const { Budgets } = await budgets.send(new DescribeBudgetsCommand({ AccountId: '123456789012' }));
    expect(Budgets).toEqual([
      expect.objectContaining({
        BudgetName: 'arai-monthly',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: '1200.0', Unit: 'USD' },
        CalculatedSpend: { ActualSpend: { Amount: '431.5', Unit: 'USD' } },
        TimePeriod: { Start: new Date('2026-11-01T00:00:00Z'), End: new Date('2087-06-15T00:00:00Z') },
      }),
    ]);
  });
});
