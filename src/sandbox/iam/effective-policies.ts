import { attachedPolicies, defaultVersion } from './managed-policies';
import type { IamPrincipal, IamState, PolicyDocument } from './state';

/** Where an identity policy comes from, in SimulatePrincipalPolicy's words (`SourcePolicyType`). */
export type PolicySourceType = 'role' | 'user' | 'aws-managed' | 'user-managed';

/** One identity policy in force for a principal. */
export interface EffectivePolicy {
  /** The inline policy's name, or the managed policy's name (SimulatePrincipalPolicy's `SourcePolicyId`). */
  id: string;
  type: PolicySourceType;
  /** The managed policy's ARN; absent for an inline policy. */
  arn?: string;
  document: PolicyDocument;
}

/** Every identity policy in force for a role or user: its inline policies, then the default versions of its attached managed policies. */
export function effectivePolicies(state: IamState, principal: IamPrincipal): EffectivePolicy[] {
  const inline = Object.entries(principal.policies).map(([id, policy]): EffectivePolicy => ({ id, type: principal.kind, document: policy.document }));
  const attached = attachedPolicies(state, principal).map(
    (policy): EffectivePolicy => ({ id: policy.name, type: policy.awsManaged ? 'aws-managed' : 'user-managed', arn: policy.arn, document: defaultVersion(policy).policy.document }),
  );
  return [...inline, ...attached];
}
