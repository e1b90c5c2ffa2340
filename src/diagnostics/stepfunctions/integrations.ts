import type { JsonValue } from '../../model';
import type { TaskState } from './definition';

/** The IAM actions a Task state's integration needs, on which resource. */
export interface RequiredPermission {
  state: string;
  integration: string;
  actions: string[];
  resource: string;
}

/** A reference from a Task state to a Glue job (by name) of the definition. */
export interface GlueJobReference {
  state: string;
  jobName: string | null;
  /** Present when the job name comes from the input (`JobName.$`): it cannot be checked statically. */
  dynamicPath?: string;
}

/** Service integrations have no region or account (`arn:aws:states:::glue:…`); an activity ARN has both, and is no integration. */
const integrationPattern = /^arn:[^:]+:states:::([\w-]+):([\w.:-]+)$/;

/** `arn:aws:states:::glue:startJobRun.sync` → service `glue`, action `startJobRun`, pattern `sync`; `aws-sdk:s3:getObject` → `s3`, `getObject`. */
export function parseIntegration(resource: string): { service: string; action: string; pattern: 'request' | 'sync' | 'waitForTaskToken' } | null {
  const match = integrationPattern.exec(resource);
  if (!match) return null;
  const [, service, rest] = match as unknown as [string, string, string];
  const [, call = rest, suffix] = /^(.*?)(?:\.(sync(?::\d+)?|waitForTaskToken))?$/.exec(rest) ?? [];
  const pattern = suffix?.startsWith('sync') ? 'sync' : suffix === 'waitForTaskToken' ? 'waitForTaskToken' : 'request';
  if (service === 'aws-sdk') {
    const [sdkService = '', sdkAction = ''] = call.split(':');
    return { service: sdkService, action: sdkAction, pattern };
  }
  return { service, action: call, pattern };
}

/** The Glue jobs the definition's Glue Task states name. */
export function glueJobReferences(tasks: readonly TaskState[]): GlueJobReference[] {
  return tasks
    .filter((task) => parseIntegration(task.resource)?.service === 'glue')
    .map((task) => {
      const name = task.parameters.JobName;
      const dynamic = task.parameters['JobName.$'];
      if (typeof name === 'string') return { state: task.name, jobName: name };
      return { state: task.name, jobName: null, ...(typeof dynamic === 'string' ? { dynamicPath: dynamic } : {}) };
    });
}

const upper = (action: string) => action.charAt(0).toUpperCase() + action.slice(1);

/**
 * The permissions each Task state needs, as the Step Functions developer guide lists them per
 * integration (a `.sync` Glue task also polls and stops the run). `arn` builds resource ARNs.
 */
export function requiredPermissions(tasks: readonly TaskState[], arn: { region: string; account: string }): RequiredPermission[] {
  const out: RequiredPermission[] = [];
  for (const task of tasks) {
    const integration = parseIntegration(task.resource);
    const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : '*');
    if (!integration) {
      if (/^arn:[^:]+:lambda:/.test(task.resource)) out.push({ state: task.name, integration: 'lambda', actions: ['lambda:InvokeFunction'], resource: task.resource });
      // An activity (`arn:aws:states:REGION:ACCOUNT:activity:NAME`) needs nothing of the state machine's role:
      // its workers poll it with their own credentials (states:GetActivityTask, SendTaskSuccess).
      continue;
    }
    const { service, action, pattern } = integration;
    const label = `${service}:${action}${pattern === 'request' ? '' : `.${pattern}`}`;
    if (service === 'glue' && action === 'startJobRun') {
      const resource = `arn:aws:glue:${arn.region}:${arn.account}:job/${text(task.parameters.JobName)}`;
      const actions = pattern === 'sync' ? ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'] : ['glue:StartJobRun'];
      out.push({ state: task.name, integration: label, actions, resource });
    } else if (service === 'lambda' && action === 'invoke') {
      out.push({ state: task.name, integration: label, actions: ['lambda:InvokeFunction'], resource: text(task.parameters.FunctionName) });
    } else if (service === 'states' && action === 'startExecution') {
      const actions = pattern === 'sync' ? ['states:StartExecution', 'states:DescribeExecution', 'states:StopExecution'] : ['states:StartExecution'];
      out.push({ state: task.name, integration: label, actions, resource: text(task.parameters.StateMachineArn) });
    } else {
      out.push({ state: task.name, integration: label, actions: [`${service}:${upper(action)}`], resource: '*' });
    }
  }
  return out;
}
