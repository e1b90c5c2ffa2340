import { z } from 'zod';
import type { XmlNode } from '../../core/xml';
import { evaluatePrincipal } from '../evaluate';
import { arn, iamPage, paging } from '../inputs';
import { principalByArn } from '../principals';
import { iamError, iamResponse } from '../xml';
import { iamOperation } from './operation';

const input = z.object({
  PolicySourceArn: arn,
  ActionNames: z.array(z.string().min(3).max(128)).min(1),
  ResourceArns: z.array(z.string().min(1).max(2048)).optional(),
  ...paging,
});

/**
 * SimulatePrincipalPolicy for a role or user: each action on each resource (`*` when none is given)
 * against its inline and attached managed policies, one EvaluationResult per pair, a page at a time.
 */
export const simulatePrincipalPolicy = iamOperation({
  input,
  mutates: false,
  permission: (input) => ({ action: 'iam:SimulatePrincipalPolicy', resource: input.PolicySourceArn }),
  run(input, env) {
    const state = env.states.iam;
    const principal = principalByArn(state, input.PolicySourceArn);
    if (!principal) {
      return iamError(400, 'InvalidInput', `Invalid Entity Arn: ${input.PolicySourceArn} does not clearly define entity type and name, or the entity does not exist.`);
    }
    const results: XmlNode[] = [];
    for (const action of input.ActionNames) {
      for (const resource of input.ResourceArns?.length ? input.ResourceArns : ['*']) {
        const evaluation = evaluatePrincipal(state, principal, action, resource);
        results.push({
          EvalActionName: action,
          EvalResourceName: resource,
          EvalDecision: evaluation.decision,
          MatchedStatements: { member: evaluation.matchedPolicies.map((policy) => ({ SourcePolicyId: policy.id, SourcePolicyType: policy.type })) },
          MissingContextValues: {},
        });
      }
    }
    const page = iamPage(results, input);
    return iamResponse('SimulatePrincipalPolicy', { EvaluationResults: { member: page.items }, ...page.truncation });
  },
});
