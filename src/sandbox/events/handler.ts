import type { ServiceHandler } from '../core/service';
import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { SandboxStates } from '../states';
import { listRules } from './operations/list-rules';
import { listTargetsByRule } from './operations/list-targets-by-rule';

const operations: Record<string, JsonOperation<SandboxStates>> = {
  ListRules: listRules,
  ListTargetsByRule: listTargetsByRule,
};

/** The simulated EventBridge, awsJson1_1: rules and their targets. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.1', invalidTokenType: 'ValidationException' }, operations, request, env),
};
