import { iamError, iamResponse, noSuchRole } from '../xml';
import type { IamOperation } from './operation';

/** ListRolePolicies: the names of a role's inline policies. */
export const listRolePolicies: IamOperation = {
  mutates: false,
  run(params, state) {
    const name = params.get('RoleName') ?? '';
    const role = state.roles.get(name);
    if (!role) return noSuchRole(name);
    return iamResponse('ListRolePolicies', { PolicyNames: { member: Object.keys(role.policies) }, IsTruncated: false });
  },
};

/** GetRolePolicy: one inline policy document, URL-encoded as IAM sends it. */
export const getRolePolicy: IamOperation = {
  mutates: false,
  run(params, state) {
    const name = params.get('RoleName') ?? '';
    const policyName = params.get('PolicyName') ?? '';
    const role = state.roles.get(name);
    if (!role) return noSuchRole(name);
    const document = role.policies[policyName];
    if (!document) return iamError(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
    return iamResponse('GetRolePolicy', { RoleName: name, PolicyName: policyName, PolicyDocument: encodeURIComponent(JSON.stringify(document)) });
  },
};

/** ListAttachedRolePolicies: the sandbox's roles carry inline policies only, so the list is empty for a known role. */
export const listAttachedRolePolicies: IamOperation = {
  mutates: false,
  run(params, state) {
    const name = params.get('RoleName') ?? '';
    if (!state.roles.has(name)) return noSuchRole(name);
    return iamResponse('ListAttachedRolePolicies', { AttachedPolicies: {}, IsTruncated: false });
  },
};
