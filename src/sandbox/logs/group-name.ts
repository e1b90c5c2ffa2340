/**
 * The log group a request names: `logGroupName`, or `logGroupIdentifier` as a name or an ARN
 * (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`), as CloudWatch Logs accepts either.
 */
export function requestedLogGroup(input: { logGroupName?: string | undefined; logGroupIdentifier?: string | undefined }): string | undefined {
  return input.logGroupName ?? input.logGroupIdentifier?.replace(/^arn:.*:log-group:/, '').replace(/:\*$/, '');
}
