import { evaluatePolicies } from '../iam/evaluate';
import { roleByArn } from '../iam/roles';
import type { IamState } from '../iam/state';

/**
 * Whether a role of the world may do an action on a resource now, by the same evaluation SimulatePrincipalPolicy
 * answers with: a re-run that needs the permission fails while the world's policies deny it.
 */
export function roleMay(iam: IamState, roleArnOrName: string, action: string, resource: string): boolean {
  const role = roleArnOrName.startsWith('arn:') ? roleByArn(iam, roleArnOrName) : iam.roles.get(roleArnOrName);
  if (!role) return false;
  return evaluatePolicies(new Map(Object.entries(role.policies)), action, resource).decision === 'allowed';
}
