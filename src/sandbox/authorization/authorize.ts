import type { SandboxRequest } from '../core/http';
import { signingAccessKey } from '../aws-query/params';
import { evaluatePolicies, type EvalDecision } from '../iam/evaluate';
import { principalArn, userByAccessKey } from '../iam/principals';
import type { IamState, PolicyDocument } from '../iam/state';
import { iamArn } from './arns';
import type { IamPermission } from './permission';

/** A request the caller policy does not allow: what was denied, why, and AWS's words for it. */
export interface AccessDenial {
  /** The denied action (`glue:GetJobRuns`), or `SERVICE:Operation` for an operation with no IAM mapping. */
  action: string;
  resource: string;
  decision: Exclude<EvalDecision, 'allowed'> | 'unmapped';
  /** `User: arn:… is not authorized to perform: ACTION on resource: ARN because …`, as AWS words it. */
  message: string;
}

/** Decides one request of a service against the caller policy; null when it may go on. Bound per service by the sandbox. */
export type CallAuthorizer = (request: SandboxRequest, operation: string, permissions: readonly IamPermission[] | undefined) => AccessDenial | null;

/** The caller named in denials when a request's key belongs to no IAM user of the world. */
const unknownCaller = iamArn('user/sandbox-caller');

/** The ARN of whoever signed a request: the world's IAM user that holds its access key. */
export function callerArn(iam: IamState, request: SandboxRequest): string {
  const key = signingAccessKey(request);
  const user = key ? userByAccessKey(iam, key) : undefined;
  return user ? principalArn(user) : unknownCaller;
}

/** A resource as the services' denials name it: IAM says `role NAME` for its roles and users, S3 quotes the ARN. */
function resourceWords(service: string, resource: string): string {
  if (service === 's3') return `"${resource}"`;
  const principal = /^arn:aws:iam::\d{12}:(role|user)\/(?:.*\/)?([^/]+)$/.exec(resource);
  return principal ? `${principal[1]} ${principal[2]}` : resource;
}

const reasons: Record<Exclude<EvalDecision, 'allowed'>, (action: string) => string> = {
  implicitDeny: (action) => `because no identity-based policy allows the ${action} action`,
  explicitDeny: () => 'with an explicit deny in an identity-based policy',
};

/**
 * Authorizes one request of `service` as IAM does, against the caller's policy alone: every permission the operation
 * declares must be allowed (explicit Deny wins, then an Allow, else the implicit deny). An operation that declares no
 * permissions is denied, saying the sandbox has no mapping for it: enforcement never lets an unknown call through.
 */
export function authorizeRequest(policy: PolicyDocument, iam: IamState, service: string, request: SandboxRequest, operation: string, permissions: readonly IamPermission[] | undefined): AccessDenial | null {
  const caller = callerArn(iam, request);
  if (!permissions) {
    const action = `${service}:${operation}`;
    return { action, resource: '*', decision: 'unmapped', message: `User: ${caller} is not authorized to perform: ${action}: the sandbox has no IAM mapping (action and resource) for ${service} ${operation}, so it denies the call while a caller policy is enforced` };
  }
  const document = [{ id: 'caller-policy', document: policy }];
  for (const permission of permissions) {
    const { decision } = evaluatePolicies(document, permission.action, permission.resource);
    if (decision === 'allowed') continue;
    return { ...permission, decision, message: `User: ${caller} is not authorized to perform: ${permission.action} on resource: ${resourceWords(service, permission.resource)} ${reasons[decision](permission.action)}` };
  }
  return null;
}
