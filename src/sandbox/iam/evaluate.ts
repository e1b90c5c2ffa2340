import type { PolicyDocument, PolicyStatement } from './state';

/** The decision of IAM's policy simulation for one action on one resource. */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A decision and the policies whose statements decided it. */
export interface Evaluation {
  decision: EvalDecision;
  matchedPolicies: string[];
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** True when `value` matches an IAM pattern with `*` and `?` wildcards. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function applies(statement: PolicyStatement, action: string, resource: string): boolean {
  const actionMatches = statement.NotAction
    ? !list(statement.NotAction).some((p) => wildcardMatch(p, action, true))
    : list(statement.Action).some((p) => wildcardMatch(p, action, true));
  if (!actionMatches) return false;
  if (statement.NotResource) return !list(statement.NotResource).some((p) => wildcardMatch(p, resource));
  return list(statement.Resource).some((p) => wildcardMatch(p, resource));
}

/**
 * Evaluates identity policies for one action on one resource the way IAM does without boundaries or
 * SCPs: an explicit Deny wins, then any Allow, otherwise the implicit deny. Conditions are not evaluated.
 */
export function evaluatePolicies(policies: ReadonlyMap<string, PolicyDocument>, action: string, resource: string): Evaluation {
  const allowedBy: string[] = [];
  const deniedBy: string[] = [];
  for (const [name, document] of policies) {
    for (const statement of document.Statement) {
      if (!applies(statement, action, resource)) continue;
      (statement.Effect === 'Deny' ? deniedBy : allowedBy).push(name);
    }
  }
  if (deniedBy.length) return { decision: 'explicitDeny', matchedPolicies: [...new Set(deniedBy)] };
  if (allowedBy.length) return { decision: 'allowed', matchedPolicies: [...new Set(allowedBy)] };
  return { decision: 'implicitDeny', matchedPolicies: [] };
}
