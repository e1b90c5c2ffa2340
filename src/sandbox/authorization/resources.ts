import { principalArn } from '../iam/principals';
import type { IamState } from '../iam/state';
import { requestedLogGroup } from '../logs/group-name';
import { iamArn, regionalArn } from './arns';

/** A role's ARN as IAM authorizes calls on it: with the role's path when the world has it, `role/NAME` otherwise. */
export function roleResourceArn(iam: IamState, name: string): string {
  const role = iam.roles.get(name);
  return role ? principalArn(role) : iamArn(`role/${name}`);
}

/**
 * The resource CloudWatch Logs authorizes a log-group request on: `…:log-group:NAME:log-stream:` (a stream name when
 * given), as its denials name it, which a policy's `log-group:NAME:*` matches.
 */
export function logStreamResourceArn(input: Parameters<typeof requestedLogGroup>[0], stream = ''): string {
  return regionalArn('logs', `log-group:${requestedLogGroup(input) ?? '*'}:log-stream:${stream}`);
}
