import { iamActionsFor } from '../least-privilege/operation-actions';
import { awsServiceNames } from './aws';
import { ServiceCallError } from './service-error';

/** The names AWS gives an error for a call the caller's policies do not allow (AWS JSON, query and S3 protocols). */
const deniedErrorNames: ReadonlySet<string> = new Set(['AccessDenied', 'AccessDeniedException']);

/** The action a denial's message names: `… is not authorized to perform: glue:GetJobRuns on resource: …`. */
const deniedAction = /\bnot authorized to perform: ([\w-]+:[\w*-]+)/;

/** The IAM actions a client's operation is authorized as, from the service's display name (`S3`, `HeadObject` → `s3:GetObject`). */
function actionsOf(service: string, operation: string): readonly string[] {
  const key = Object.entries(awsServiceNames).find(([, name]) => name === service)?.[0];
  return key ? iamActionsFor(`${key}:${operation}`) : [];
}

/**
 * A call the caller may not make, as a `permission` problem naming the denied IAM action: from the denial's own
 * message, or (an S3 HEAD's 403 has no body) the action the operation is authorized as. Undefined for any other error.
 */
export function awsAccessDenied(error: Error, service: string, operation: string, status: number | undefined): ServiceCallError | undefined {
  const bodilessDenial = status === 403 && !deniedErrorNames.has(error.name) && /^(Forbidden|403|Unknown|UnknownError)$/.test(error.name);
  if (!deniedErrorNames.has(error.name) && !bodilessDenial) return undefined;
  const named = deniedAction.exec(error.message)?.[1];
  const actions = named ? [named] : actionsOf(service, operation);
  const action = actions.length ? actions.join(' or ') : `the IAM action of ${service} ${operation}`;
  const said = bodilessDenial ? `HTTP 403 without a body` : `${error.name}: ${error.message}`;
  return new ServiceCallError(service, operation, 'permission', `access denied: the caller may not ${action} (${said})`, {
    cause: error,
    ...(status !== undefined ? { status } : {}),
    hint: `grant ${action}; npm run check -- --iam-policy prints the policy the checks need`,
  });
}
