import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { ServiceHandler } from '../core/service';
import type { SandboxStates } from '../states';
import { lookupEvents } from './operations/lookup-events';

const operations: Record<string, JsonOperation<SandboxStates>> = { LookupEvents: lookupEvents };

/** The simulated CloudTrail, awsJson1_1 (`X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`): the event history. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.1', invalidTokenType: 'InvalidNextTokenException' }, operations, request, env),
};
