import { effectivePolicies, type EffectivePolicy } from './effective-policies';
import type { IamPrincipal, IamState, PolicyDocument, PolicyStatement } from './state';

/** The decision of IAM's policy simulation for one action on one resource. */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A policy to evaluate: an id to report and its document. */
export type EvaluatedPolicy = Pick<EffectivePolicy, 'id' | 'document'> & Partial<Pick<EffectivePolicy, 'type' | 'arn'>>;

/** A decision and the policies whose statements decided it. */
export interface Evaluation<P extends EvaluatedPolicy = EvaluatedPolicy> {
  decision: EvalDecision;
  matchedPolicies: P[];
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

/** The statements of a document that apply to one action on one resource. */
export function matchingStatements(document: PolicyDocument, action: string, resource: string): PolicyStatement[] {
  return document.Statement.filter((statement) => applies(statement, action, resource));
}

/**
 * Evaluates identity policies for one action on one resource the way IAM does without boundaries or
 * SCPs: an explicit Deny wins, then any Allow, otherwise the implicit deny. Conditions are not evaluated.
 */
export function evaluatePolicies<P extends EvaluatedPolicy>(policies: readonly P[], action: string, resource: string): Evaluation<P> {
  const allowedBy = new Set<P>();
  const deniedBy = new Set<P>();
  for (const policy of policies) {
    for (const statement of matchingStatements(policy.document, action, resource)) (statement.Effect === 'Deny' ? deniedBy : allowedBy).add(policy);
  }
  if (deniedBy.size) return { decision: 'explicitDeny', matchedPolicies: [...deniedBy] };
  if (allowedBy.size) return { decision: 'allowed', matchedPolicies: [...allowedBy] };
  return { decision: 'implicitDeny', matchedPolicies: [] };
}

/** What a role or user may do: one action on one resource against its inline and attached managed policies. */
export function evaluatePrincipal(state: IamState, principal: IamPrincipal, action: string, resource: string): Evaluation<EffectivePolicy> {
  return evaluatePolicies(effectivePolicies(state, principal), action, resource);
}
