import type { SandboxService } from '../core/service';
import { serveQueryOperations, type QueryOperation } from '../aws-query/operations';
import type { SandboxStates } from '../states';
import { getCallerIdentity } from './operations/get-caller-identity';
import { stsProtocol } from './xml';

/** STS keeps no state of its own: the identities behind access keys are the world's IAM users. */
export type StsState = Record<string, never>;

const operations: Record<string, QueryOperation<SandboxStates>> = { GetCallerIdentity: getCallerIdentity };

/** The simulated STS, query protocol (form-encoded `Action=…`, XML answers): who signed a request. */
export const stsService: SandboxService<StsState, SandboxStates> = {
  load: () => ({}),
  handle: async (request, env) => serveQueryOperations(stsProtocol, operations, request, env),
};
