import type { XmlNode } from '../../core/xml';
import { evaluatePolicies } from '../evaluate';
import { roleByArn } from '../roles';
import { iamError, iamResponse } from '../xml';
import type { IamOperation } from './operation';

/**
 * SimulatePrincipalPolicy for a role: each action on each resource (`*` when none is given) against the
 * role's inline policies, one EvaluationResult per pair.
 */
export const simulatePrincipalPolicy: IamOperation = {
  mutates: false,
  run(params, state) {
    const source = params.get('PolicySourceArn');
    const actions = params.list('ActionNames');
    if (!source) return iamError(400, 'ValidationError', "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null");
    if (actions.length === 0) return iamError(400, 'ValidationError', "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
    const role = roleByArn(state, source);
    if (!role) return iamError(400, 'InvalidInput', `Invalid Entity Arn: ${source} does not clearly define entity type and name, or the entity does not exist.`);
    const resources = params.list('ResourceArns');
    const policies = new Map(Object.entries(role.policies));
    const results: XmlNode[] = [];
    for (const action of actions) {
      for (const resource of resources.length ? resources : ['*']) {
        const evaluation = evaluatePolicies(policies, action, resource);
        results.push({
          EvalActionName: action,
          EvalResourceName: resource,
          EvalDecision: evaluation.decision,
          MatchedStatements: { member: evaluation.matchedPolicies.map((id) => ({ SourcePolicyId: id, SourcePolicyType: 'IAM Policy' })) },
          MissingContextValues: {},
        });
      }
    }
    return iamResponse('SimulatePrincipalPolicy', { EvaluationResults: { member: results }, IsTruncated: false });
  },
};
