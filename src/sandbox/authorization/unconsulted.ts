import type { ServiceReply } from '../core/service';
import { accessDeniedResponse } from '../faults/wire-errors';

/** The sandbox's services that IAM does not authorize: Snowflake, Airflow and GitHub have permissions of their own. */
const outsideIam: ReadonlySet<string> = new Set(['snowflake', 'airflow', 'github', 'dbt', 'warehouse', 'work', 'control']);

/** True for a service whose calls IAM authorizes: every AWS service of the sandbox, and any added later. */
export function isIamAuthorized(service: string): boolean {
  return !outsideIam.has(service);
}

/**
 * The safety net of enforcement: an AWS service that answered a call successfully without asking the caller policy (its
 * handler does not go through the protocol layers, which ask) has no IAM mapping, so its answer is replaced with
 * AccessDenied saying so, never passed on. Null when the reply may stand: the policy was asked, the service is not
 * authorized by IAM, or the answer is an error (an unknown operation, a malformed request) that gives nothing away.
 */
export function unconsultedDenial(service: string, reply: ServiceReply, consulted: boolean, caller: string): ServiceReply | null {
  if (consulted || !isIamAuthorized(service) || reply.response.status >= 400) return null;
  const action = `${service}:${reply.call.operation}`;
  const message = `User: ${caller} is not authorized to perform: ${action}: the sandbox's ${service} service answers without declaring the IAM action and resource of ${reply.call.operation}, so it is denied while a caller policy is enforced`;
  return { response: accessDeniedResponse(service, reply.response, message), call: { ...reply.call, denied: action } };
}
