import { z } from 'zod';
import { attachmentCount } from '../managed-policies';
import { flag, iamPage, paging, pathPrefix } from '../inputs';
import { policyShape } from '../shapes';
import { iamResponse } from '../xml';
import { iamOperation } from './operation';

const input = z.object({
  Scope: z.enum(['All', 'AWS', 'Local']).optional(),
  OnlyAttached: flag.optional(),
  PathPrefix: pathPrefix.optional(),
  PolicyUsageFilter: z.enum(['PermissionsPolicy', 'PermissionsBoundary']).optional(),
  ...paging,
});

/**
 * ListPolicies: the managed policies the world declares (AWS managed and the account's own), by Scope,
 * OnlyAttached and path prefix, a page at a time. No policy serves as a permissions boundary here.
 */
export const listPolicies = iamOperation({
  input,
  mutates: false,
  permission: () => ({ action: 'iam:ListPolicies', resource: '*' }),
  run(input, env) {
    const state = env.states.iam;
    const scope = input.Scope ?? 'All';
    const policies = [...state.policies.values()]
      .filter((policy) => scope === 'All' || policy.awsManaged === (scope === 'AWS'))
      .filter((policy) => !input.OnlyAttached || attachmentCount(state, policy.arn) > 0)
      .filter((policy) => policy.path.startsWith(input.PathPrefix ?? '/'))
      .filter(() => input.PolicyUsageFilter !== 'PermissionsBoundary')
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = iamPage(policies, input);
    return iamResponse('ListPolicies', { Policies: { member: page.items.map((policy) => policyShape(state, policy, false)) }, ...page.truncation });
  },
});
