import { iamResponse, noSuchRole } from '../xml';
import { roleArn, roleId } from '../roles';
import type { IamOperation } from './operation';

/** GetRole: a role's ARN, path, dates and (URL-encoded, as IAM sends it) trust policy. */
export const getRole: IamOperation = {
  mutates: false,
  run(params, state) {
    const name = params.get('RoleName') ?? '';
    const role = state.roles.get(name);
    if (!role) return noSuchRole(name);
    return iamResponse('GetRole', {
      Role: {
        Path: role.path,
        RoleName: role.name,
        RoleId: roleId(role),
        Arn: roleArn(role),
        CreateDate: role.createdOn,
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.assumeRolePolicy)),
        ...(role.description ? { Description: role.description } : {}),
        MaxSessionDuration: 3600,
      },
    });
  },
};
