import type { XmlNode } from '../core/xml';
import { attachmentCount, policyId, policyUpdatedOn } from './managed-policies';
import { principalArn, principalId } from './principals';
import type { IamRole, IamState, ManagedPolicy } from './state';

/** A date as IAM writes it: ISO 8601 to the second (`2026-11-01T21:48:38Z`). */
export const iamDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A role as GetRole and ListRoles return it, the trust policy URL-encoded as IAM sends it. */
export function roleShape(role: IamRole): XmlNode {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: principalId(role),
    Arn: principalArn(role),
    CreateDate: iamDate(role.createdOn),
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicy.text),
    ...(role.description ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
  };
}

/** A managed policy as GetPolicy returns it; ListPolicies leaves the description out, as IAM does. */
export function policyShape(state: IamState, policy: ManagedPolicy, withDescription: boolean): XmlNode {
  return {
    PolicyName: policy.name,
    DefaultVersionId: policy.defaultVersionId,
    PolicyId: policyId(policy),
    Path: policy.path,
    Arn: policy.arn,
    AttachmentCount: attachmentCount(state, policy.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(withDescription && policy.description ? { Description: policy.description } : {}),
    CreateDate: iamDate(policy.createdOn),
    UpdateDate: iamDate(policyUpdatedOn(policy)),
  };
}
