import { evaluatePrincipal } from '../iam/evaluate';
import { principalByArn } from '../iam/principals';
import type { IamState } from '../iam/state';

/**
 * Whether a role of the world may do an action on a resource now, by the same evaluation SimulatePrincipalPolicy
 * answers with (inline and attached managed policies): a re-run that needs the permission fails while the world's policies deny it.
 */
export function roleMay(iam: IamState, roleArnOrName: string, action: string, resource: string): boolean {
  const role = roleArnOrName.startsWith('arn:') ? principalByArn(iam, roleArnOrName) : iam.roles.get(roleArnOrName);
  if (!role) return false;
  return evaluatePrincipal(iam, role, action, resource).decision === 'allowed';
}
