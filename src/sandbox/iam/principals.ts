import { sandboxAccountId } from '../aws-json/account';
import type { IamPrincipal, IamState, IamUser } from './state';

/** A stable unique id (`AROA…` for a role, `AIDA…` for a user, `ANPA…` for a policy) derived from a name, as IAM gives each one. */
export function uniqueId(prefix: 'AROA' | 'AIDA' | 'ANPA', name: string): string {
  const letters = Buffer.from(name).toString('base64').replace(/[^A-Z0-9]/gi, '').toUpperCase();
  return `${prefix}${(letters + 'SANDBOXUNIQUEID00000').slice(0, 17)}`;
}

/** A role's or user's ARN: `arn:aws:iam::ACCOUNT:role/PATH/NAME`. */
export function principalArn(principal: IamPrincipal): string {
  return `arn:aws:iam::${sandboxAccountId}:${principal.kind}${principal.path}${principal.name}`;
}

/** A role's or user's unique id (`AROA…`, `AIDA…`). */
export function principalId(principal: IamPrincipal): string {
  return uniqueId(principal.kind === 'role' ? 'AROA' : 'AIDA', principal.name);
}

/** The role or user an ARN of this account names, or undefined (also for groups and other accounts). */
export function principalByArn(state: IamState, arn: string): IamPrincipal | undefined {
  const match = /^arn:aws[\w-]*:iam::(\d{12}):(role|user)\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  if (!match || match[1] !== sandboxAccountId) return undefined;
  const principal = match[2] === 'role' ? state.roles.get(match[3]!) : state.users.get(match[3]!);
  return principal && principalArn(principal) === arn ? principal : undefined;
}

/** The user who owns an access key id, or undefined. */
export function userByAccessKey(state: IamState, accessKeyId: string): IamUser | undefined {
  for (const user of state.users.values()) if (user.accessKeys.includes(accessKeyId)) return user;
  return undefined;
}
