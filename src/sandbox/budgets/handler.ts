import type { ServiceHandler } from '../core/service';
import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { SandboxStates } from '../states';
import { describeBudgets } from './operations/describe-budgets';

const operations: Record<string, JsonOperation<SandboxStates>> = { DescribeBudgets: describeBudgets };

/** The simulated AWS Budgets, awsJson1_1: the account's budgets. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.1', invalidTokenType: 'InvalidNextTokenException' }, operations, request, env),
};
