import { sandboxAccountId } from '../aws-json/account';
import type { IamRole, IamState } from './state';

/** A role's ARN: `arn:aws:iam::ACCOUNT:role/PATH/NAME`. */
export function roleArn(role: IamRole): string {
  return `arn:aws:iam::${sandboxAccountId}:role${role.path}${role.name}`;
}

/** The role a role ARN names, or undefined (also for users, groups and other accounts). */
export function roleByArn(state: IamState, arn: string): IamRole | undefined {
  const match = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  if (!match || match[1] !== sandboxAccountId) return undefined;
  const role = state.roles.get(match[2]!);
  return role && roleArn(role) === arn ? role : undefined;
}

/** A stable role id (`AROA…`) derived from the name, as IAM gives every role one. */
export function roleId(role: IamRole): string {
  const letters = Buffer.from(role.name).toString('base64').replace(/[^A-Z0-9]/gi, '').toUpperCase();
  return `AROA${(letters + 'SANDBOXROLEID0000000').slice(0, 17)}`;
}
