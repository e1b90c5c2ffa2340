import type { EnvironmentConfig } from '../config';
import { iamActionSpec, type ResourceType } from './aws-service-actions';
import { iamActionsFor } from './operation-actions';
import { scopedArns } from './resource-arns';

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
}

/** An IAM identity-based policy document, as `aws iam create-policy --policy-document` takes it. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** A policy and what it could not express: operations without a known IAM action, notes on ARN patterns. */
export interface BuiltPolicy {
  policy: PolicyDocument;
  /** `uses` entries whose IAM action the action table does not list. */
  unmapped: string[];
  /** Why some resources are patterns rather than the configured ARNs. */
  notes: string[];
}

/** Actions that support several resource types, of which the checks use only some (they simulate roles, never users or groups). */
const usedResourceTypes: Record<string, readonly ResourceType[]> = { 'iam:SimulatePrincipalPolicy': ['role'] };

const pascal = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/**
 * The IAM policy that allows exactly the AWS operations given (`uses` entries), each action scoped to the
 * environment's ARNs where the action supports resource-level permissions, else to `"*"`; one statement per
 * resource set, actions and resources sorted, so that the document is stable.
 */
export function buildIamPolicy(entries: readonly string[], env: EnvironmentConfig): BuiltPolicy {
  const unmapped = new Set<string>();
  const notes = new Set<string>();
  const byResources = new Map<string, { types: Set<string>; actions: Set<string>; arns: string[] }>();
  for (const entry of entries) {
    const actions = iamActionsFor(entry);
    for (const action of actions) {
      const spec = iamActionSpec(action);
      if (!spec) {
        unmapped.add(entry);
        continue;
      }
      const types = usedResourceTypes[action] ?? spec.resourceTypes;
      const arns = types.length ? [...new Set(types.flatMap((type) => scopedArns(type, env).arns))].sort() : ['*'];
      for (const type of types) {
        const why = scopedArns(type, env).discovered;
        if (why) notes.add(`${type}: ${why}`);
      }
      const key = arns.join(' ');
      const group = byResources.get(key) ?? { types: new Set<string>(), actions: new Set<string>(), arns };
      group.actions.add(action);
      for (const type of types.length ? types : ['any']) group.types.add(`${action.split(':')[0]} ${type}`);
      byResources.set(key, group);
    }
    if (actions.length === 0) unmapped.add(entry);
  }
  if ([...byResources.values()].some((group) => group.actions.has('s3:GetObject'))) notes.add("object: objects encrypted with a customer-managed KMS key also need kms:Decrypt on that key (the bucket's default encryption names it)");
  const Statement = [...byResources.values()]
    .map((group): PolicyStatement => ({
      Sid: pascal([...group.types].sort().join(' ')),
      Effect: 'Allow',
      Action: [...group.actions].sort(),
      Resource: group.arns.length === 1 ? group.arns[0]! : group.arns,
    }))
    .sort((a, b) => a.Sid.localeCompare(b.Sid));
  return { policy: { Version: '2012-10-17', Statement }, unmapped: [...unmapped].sort(), notes: [...notes].sort() };
}
