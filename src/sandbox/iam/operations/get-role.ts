import { z } from 'zod';
import { roleName } from '../inputs';
import { roleShape } from '../shapes';
import { iamResponse, noSuchRole } from '../xml';
import { iamOperation } from './operation';
import { roleResourceArn } from '../../authorization/resources';

/** GetRole: a role's ARN, path, dates and (URL-encoded, as IAM sends it) trust policy. */
export const getRole = iamOperation({
  input: z.object({ RoleName: roleName }),
  mutates: false,
  permission: (input, env) => ({ action: 'iam:GetRole', resource: roleResourceArn(env.states.iam, input.RoleName) }),
  run(input, env) {
    const role = env.states.iam.roles.get(input.RoleName);
    if (!role) return noSuchRole(input.RoleName);
    return iamResponse('GetRole', { Role: roleShape(role) });
  },
});
