import { GetPolicyCommand, GetPolicyVersionCommand, GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import type { CheckContext } from '../../check-api';

/** One policy in force on a role: inline (by name) or attached (by ARN), with its document as IAM returns it. */
export interface RolePolicy {
  kind: 'inline' | 'attached';
  /** The inline policy's name, or the attached policy's ARN. */
  name: string;
  /** True for a policy AWS manages (`arn:aws:iam::aws:policy/…`). */
  awsManaged: boolean;
  /** The policy document, URL-encoded as IAM's API returns it. */
  document: string;
}

/** The most policies read per role: IAM allows 10 attached (20 on request) and a 10 KB inline budget. */
const maxPolicies = 100;

/** Every inline and attached policy of a role, each with its document (the default version of an attached one). */
export async function rolePolicies(ctx: CheckContext, roleName: string): Promise<RolePolicy[]> {
  const iam = ctx.clients.iam();
  const options = { abortSignal: ctx.signal };
  const policies: RolePolicy[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }), options);
    for (const name of page.PolicyNames ?? []) {
      const inline = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), options);
      policies.push({ kind: 'inline', name, awsManaged: false, document: inline.PolicyDocument ?? '' });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker && policies.length < maxPolicies);
  let attachedMarker: string | undefined; // the attached list pages from its own start
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: attachedMarker }), options);
    for (const attached of page.AttachedPolicies ?? []) {
      const arn = attached.PolicyArn!;
      // Once a run: a managed policy attached to several roles is read once.
      const document = await ctx.memo(['iam:GetPolicyVersion', arn], async () => {
        const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }), options)).Policy;
        return (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy?.DefaultVersionId }), options)).PolicyVersion?.Document ?? '';
      });
      policies.push({ kind: 'attached', name: arn, awsManaged: /^arn:aws[\w-]*:iam::aws:policy\//.test(arn), document });
    }
    attachedMarker = page.IsTruncated ? page.Marker : undefined;
  } while (attachedMarker && policies.length < maxPolicies);
  return policies;
}
