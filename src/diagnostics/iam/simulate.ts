import { SimulatePrincipalPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';

/** IAM's decision for one action on one resource. */
export interface ActionDecision {
  action: string;
  resource: string;
  decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** The policies whose statements decided it, where IAM says. */
  matchedPolicies: string[];
}

/** Actions on one resource to simulate for a principal. */
export interface SimulationRequest {
  actions: readonly string[];
  /** A resource ARN, or `*`. */
  resource: string;
}

/**
 * Asks IAM's policy simulator what the principal may do: one SimulatePrincipalPolicy call per resource
 * (following `Marker` pages), each action's decision on that resource.
 */
export async function simulatePrincipal(iam: IAMClient, principalArn: string, requests: readonly SimulationRequest[], signal?: AbortSignal): Promise<ActionDecision[]> {
  const decisions: ActionDecision[] = [];
  for (const request of requests) {
    let marker: string | undefined;
    do {
      const page = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: principalArn,
          ActionNames: [...request.actions],
          ...(request.resource !== '*' ? { ResourceArns: [request.resource] } : {}),
          Marker: marker,
        }),
        { abortSignal: signal },
      );
      for (const result of page.EvaluationResults ?? []) {
        const perResource = result.ResourceSpecificResults?.length ? result.ResourceSpecificResults : [{ EvalResourceName: result.EvalResourceName, EvalResourceDecision: result.EvalDecision, MatchedStatements: result.MatchedStatements }];
        for (const specific of perResource) {
          decisions.push({
            action: result.EvalActionName ?? '',
            resource: specific.EvalResourceName ?? request.resource,
            decision: (specific.EvalResourceDecision ?? result.EvalDecision ?? 'implicitDeny') as ActionDecision['decision'],
            matchedPolicies: (specific.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? '').filter(Boolean),
          });
        }
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  }
  return decisions;
}
