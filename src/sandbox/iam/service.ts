import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { getRole } from './operations/get-role';
import type { IamOperation } from './operations/operation';
import { getRolePolicy, listAttachedRolePolicies, listRolePolicies } from './operations/role-policies';
import { simulatePrincipalPolicy } from './operations/simulate-principal-policy';
import { QueryParams } from './query';
import { loadIamState, type IamState } from './state';
import { iamError } from './xml';

const operations: Record<string, IamOperation> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  GetRole: getRole,
  ListRolePolicies: listRolePolicies,
  GetRolePolicy: getRolePolicy,
  ListAttachedRolePolicies: listAttachedRolePolicies,
};

/** The simulated IAM, query protocol (form-encoded `Action=…`, XML answers): roles, inline policies, policy simulation. */
export const iamService: SandboxService<IamState, SandboxStates> = {
  load: (section) => loadIamState(section),
  async handle(request, env) {
    const params = new QueryParams(request);
    const action = params.get('Action') ?? 'unknown';
    const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
    if (!operation) return { response: iamError(400, 'InvalidAction', `The sandbox does not implement ${action}`), call: { operation: action, mutates: false } };
    return { response: operation.run(params, env.states.iam), call: { operation: action, mutates: operation.mutates } };
  },
};
