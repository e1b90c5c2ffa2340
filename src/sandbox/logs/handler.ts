import type { ServiceHandler } from '../core/service';
import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { SandboxStates } from '../states';
import { describeLogGroups } from './operations/describe-log-groups';
import { describeSubscriptionFilters } from './operations/describe-subscription-filters';
import { describeLogStreams } from './operations/describe-log-streams';
import { filterLogEvents } from './operations/filter-log-events';
import { getLogEvents } from './operations/get-log-events';

const operations: Record<string, JsonOperation<SandboxStates>> = {
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  DescribeSubscriptionFilters: describeSubscriptionFilters,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

/** The simulated CloudWatch Logs, awsJson1_1: log groups and their subscription filters, streams, a stream's events and event filtering. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.1', invalidTokenType: 'InvalidParameterException' }, operations, request, env),
};
