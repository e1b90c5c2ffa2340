import { z } from 'zod';
import { iamPage, paging, pathPrefix } from '../inputs';
import { roleShape } from '../shapes';
import { iamResponse } from '../xml';
import { iamOperation } from './operation';

/** ListRoles: the account's roles by name, under a path prefix, a page at a time (Marker, MaxItems). */
export const listRoles = iamOperation({
  input: z.object({ PathPrefix: pathPrefix.optional(), ...paging }),
  mutates: false,
  permission: () => ({ action: 'iam:ListRoles', resource: '*' }),
  run(input, env) {
    const roles = [...env.states.iam.roles.values()].filter((role) => role.path.startsWith(input.PathPrefix ?? '/')).sort((a, b) => a.name.localeCompare(b.name));
    const page = iamPage(roles, input);
    return iamResponse('ListRoles', { Roles: { member: page.items.map(roleShape) }, ...page.truncation });
  },
});
