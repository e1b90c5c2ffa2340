import { z } from 'zod';
import { sandboxAccountId } from '../aws-json/account';
import { iamSectionSchema, type IamPrincipal, type IamState, type ManagedPolicy } from './state';

const versionNumber = (id: string) => Number(id.slice(1));

function managedPolicy(arn: string, declared: z.infer<typeof iamSectionSchema>['policies'][string]): ManagedPolicy {
  const [, owner = '', rest = ''] = /^arn:aws:iam::([^:]+):policy(\/.*)$/.exec(arn) ?? [];
  const slash = rest.lastIndexOf('/');
  const ids = Object.keys(declared.versions).sort((a, b) => versionNumber(a) - versionNumber(b));
  const versions = new Map(ids.map((id) => [id, { versionId: id, createdOn: declared.versions[id]!.createdOn, policy: declared.versions[id]!.document }]));
  return {
    arn,
    name: rest.slice(slash + 1),
    path: rest.slice(0, slash + 1),
    awsManaged: owner === 'aws',
    ...(declared.description ? { description: declared.description } : {}),
    createdOn: declared.createdOn,
    defaultVersionId: declared.defaultVersionId ?? ids[ids.length - 1]!,
    versions,
  };
}

/** The problems of a world's IAM section that its schema cannot see: dangling attachments, foreign accounts, shared keys. */
function referenceProblems(state: IamState): string[] {
  const problems: string[] = [];
  for (const policy of state.policies.values()) {
    if (!policy.awsManaged && !policy.arn.startsWith(`arn:aws:iam::${sandboxAccountId}:`)) problems.push(`policies.${policy.arn}: a customer managed policy belongs to account ${sandboxAccountId}`);
    if (!policy.versions.has(policy.defaultVersionId)) problems.push(`policies.${policy.arn}.defaultVersionId: no version ${policy.defaultVersionId}`);
  }
  const keys = new Map<string, string>();
  for (const principal of [...state.roles.values(), ...state.users.values()] as IamPrincipal[]) {
    for (const arn of principal.attachedPolicies) {
      if (!state.policies.has(arn)) problems.push(`${principal.kind}s.${principal.name}.attachedPolicies: ${arn} is not declared under policies`);
    }
    if (principal.kind !== 'user') continue;
    for (const key of principal.accessKeys) {
      if (keys.has(key)) problems.push(`users.${principal.name}.accessKeys: ${key} is also a key of ${keys.get(key)}`);
      keys.set(key, principal.name);
    }
  }
  return problems;
}

/** Raised for an IAM section whose references do not resolve. */
export class IamWorldError extends Error {
  override name = 'IamWorldError';
}

/** Builds the IAM state from a world's iam section; every attachment must name a declared managed policy. */
export function loadIamState(section: unknown): IamState {
  const parsed = iamSectionSchema.parse(section ?? {});
  const state: IamState = {
    roles: new Map(Object.entries(parsed.roles).map(([name, role]) => [name, { ...role, kind: 'role' as const, name }])),
    users: new Map(Object.entries(parsed.users).map(([name, user]) => [name, { ...user, kind: 'user' as const, name }])),
    policies: new Map(Object.entries(parsed.policies).map(([arn, policy]) => [arn, managedPolicy(arn, policy)])),
  };
  const problems = referenceProblems(state);
  if (problems.length) throw new IamWorldError(problems.join('; '));
  return state;
}
