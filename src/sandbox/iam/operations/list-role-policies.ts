import { z } from 'zod';
import { iamPage, paging, roleName } from '../inputs';
import { iamResponse, noSuchRole } from '../xml';
import { iamOperation } from './operation';
import { roleResourceArn } from '../../authorization/resources';

/** ListRolePolicies: the names of a role's inline policies, a page at a time. */
export const listRolePolicies = iamOperation({
  input: z.object({ RoleName: roleName, ...paging }),
  mutates: false,
  permission: (input, env) => ({ action: 'iam:ListRolePolicies', resource: roleResourceArn(env.states.iam, input.RoleName) }),
  run(input, env) {
    const role = env.states.iam.roles.get(input.RoleName);
    if (!role) return noSuchRole(input.RoleName);
    const page = iamPage(Object.keys(role.policies).sort(), input);
    return iamResponse('ListRolePolicies', { PolicyNames: { member: page.items }, ...page.truncation });
  },
});
