import { z } from 'zod';
import { attachedPolicies } from '../managed-policies';
import { iamPage, paging, pathPrefix, roleName } from '../inputs';
import { iamResponse, noSuchRole } from '../xml';
import { iamOperation } from './operation';
import { roleResourceArn } from '../../authorization/resources';

/** ListAttachedRolePolicies: the managed policies attached to a role (name and ARN), under a policy path prefix, a page at a time. */
export const listAttachedRolePolicies = iamOperation({
  input: z.object({ RoleName: roleName, PathPrefix: pathPrefix.optional(), ...paging }),
  mutates: false,
  permission: (input, env) => ({ action: 'iam:ListAttachedRolePolicies', resource: roleResourceArn(env.states.iam, input.RoleName) }),
  run(input, env) {
    const state = env.states.iam;
    const role = state.roles.get(input.RoleName);
    if (!role) return noSuchRole(input.RoleName);
    const attached = attachedPolicies(state, role).filter((policy) => policy.path.startsWith(input.PathPrefix ?? '/'));
    const page = iamPage(attached, input);
    return iamResponse('ListAttachedRolePolicies', { AttachedPolicies: { member: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })) }, ...page.truncation });
  },
});
