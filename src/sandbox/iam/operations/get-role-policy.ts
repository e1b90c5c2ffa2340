import { z } from 'zod';
import { policyName, roleName } from '../inputs';
import { iamError, iamResponse, noSuchRole } from '../xml';
import { iamOperation } from './operation';
import { roleResourceArn } from '../../authorization/resources';

/** GetRolePolicy: one inline policy document, URL-encoded as IAM sends it. */
export const getRolePolicy = iamOperation({
  input: z.object({ RoleName: roleName, PolicyName: policyName }),
  mutates: false,
  permission: (input, env) => ({ action: 'iam:GetRolePolicy', resource: roleResourceArn(env.states.iam, input.RoleName) }),
  run(input, env) {
    const role = env.states.iam.roles.get(input.RoleName);
    if (!role) return noSuchRole(input.RoleName);
    const policy = Object.hasOwn(role.policies, input.PolicyName) ? role.policies[input.PolicyName] : undefined;
    if (!policy) return iamError(404, 'NoSuchEntity', `The role policy with name ${input.PolicyName} cannot be found.`);
    return iamResponse('GetRolePolicy', { RoleName: role.name, PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(policy.text) });
  },
});
