import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';

/** A log group's ARN, `arn:aws:logs:REGION:ACCOUNT:log-group:NAME` (DescribeLogGroups adds `:*` in its `arn` field). */
export function logGroupArn(name: string): string {
  return `arn:aws:logs:${sandboxCredentials.region}:${sandboxAccountId}:log-group:${name}`;
}
