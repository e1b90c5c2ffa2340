import type { ServiceHandler } from '../core/service';
import { serveQueryOperations } from '../aws-query/operations';
import type { SandboxStates } from '../states';
import { getPolicy } from './operations/get-policy';
import { getPolicyVersion } from './operations/get-policy-version';
import { getRole } from './operations/get-role';
import { getRolePolicy } from './operations/get-role-policy';
import { listAttachedRolePolicies } from './operations/list-attached-role-policies';
import { listPolicies } from './operations/list-policies';
import { listRolePolicies } from './operations/list-role-policies';
import { listRoles } from './operations/list-roles';
import type { IamOperation } from './operations/operation';
import { simulatePrincipalPolicy } from './operations/simulate-principal-policy';
import { iamProtocol } from './xml';

const operations: Record<string, IamOperation> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  GetRole: getRole,
  ListRoles: listRoles,
  ListRolePolicies: listRolePolicies,
  GetRolePolicy: getRolePolicy,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  ListPolicies: listPolicies,
};

/** The simulated IAM, query protocol (form-encoded `Action=…`, XML answers): roles, users, inline and managed policies, policy simulation. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveQueryOperations(iamProtocol, operations, request, env),
};
