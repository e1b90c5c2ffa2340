import type { ServiceHandler } from '../core/service';
import { serveQueryOperations, type QueryOperation } from '../aws-query/operations';
import type { SandboxStates } from '../states';
import { getCallerIdentity } from './operations/get-caller-identity';
import { stsProtocol } from './xml';

const operations: Record<string, QueryOperation<SandboxStates>> = { GetCallerIdentity: getCallerIdentity };

/** The simulated STS, query protocol (form-encoded `Action=…`, XML answers): who signed a request. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveQueryOperations(stsProtocol, operations, request, env),
};
