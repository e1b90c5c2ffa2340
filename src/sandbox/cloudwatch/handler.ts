import type { ServiceHandler } from '../core/service';
import type { SandboxStates } from '../states';
import type { CloudwatchOperation } from './operation';
import { describeAlarms } from './operations/describe-alarms';
import { listDashboards } from './operations/list-dashboards';
import { serveCloudwatch } from './protocols';

const operations: Record<string, CloudwatchOperation> = {
  DescribeAlarms: describeAlarms,
  ListDashboards: listDashboards,
};

/** The simulated CloudWatch (metrics side): metric alarms and dashboards, in awsQuery and in query-compatible awsJson1_0. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveCloudwatch(operations, request, env),
};
