import type { IamPrincipal, IamState, ManagedPolicy, PolicyVersion } from './state';
import { uniqueId } from './principals';

/** The version of a managed policy in force. */
export function defaultVersion(policy: ManagedPolicy): PolicyVersion {
  return policy.versions.get(policy.defaultVersionId)!;
}

/** The managed policies attached to a role or user, in attachment order. */
export function attachedPolicies(state: IamState, principal: IamPrincipal): ManagedPolicy[] {
  return principal.attachedPolicies.map((arn) => state.policies.get(arn)!);
}

/** How many roles and users a managed policy is attached to. */
export function attachmentCount(state: IamState, arn: string): number {
  return [...state.roles.values(), ...state.users.values()].filter((principal) => principal.attachedPolicies.includes(arn)).length;
}

/** A managed policy's unique id (`ANPA…`). */
export function policyId(policy: ManagedPolicy): string {
  return uniqueId('ANPA', policy.arn);
}

/** The date a managed policy last changed: when its default version was created. */
export function policyUpdatedOn(policy: ManagedPolicy): string {
  return defaultVersion(policy).createdOn;
}
