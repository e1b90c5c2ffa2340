import { operationError, type OperationResult } from '../aws-json/operations';
import type { LogGroup, LogsState } from './state';

/**
 * The log group a request names: `logGroupName`, or `logGroupIdentifier` as a name or an ARN
 * (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`), as CloudWatch Logs accepts either.
 */
export function requestedLogGroup(input: { logGroupName?: string | undefined; logGroupIdentifier?: string | undefined }): string | undefined {
  return input.logGroupName ?? input.logGroupIdentifier?.replace(/^arn:.*:log-group:/, '').replace(/:\*$/, '');
}

/** The log group a request names, or the error CloudWatch Logs answers when it names none or one that does not exist. */
export function findLogGroup(state: LogsState, input: Parameters<typeof requestedLogGroup>[0]): { group: LogGroup } | { error: OperationResult } {
  const name = requestedLogGroup(input);
  if (!name) return { error: operationError('InvalidParameterException', 'logGroupName or logGroupIdentifier is required') };
  const group = state.groups.get(name);
  return group ? { group } : { error: operationError('ResourceNotFoundException', 'The specified log group does not exist.') };
}
