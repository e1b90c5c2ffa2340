import { NoSuchEntityException } from '@aws-sdk/client-iam';
import { combineVerdicts, defineCheck, error, evidence, fail, link, notConfigured, pass, type SubjectVerdict } from '../../src/check-api';
import { PolicyDocumentError, readPolicyDocument } from '../../src/diagnostics/iam/policy-document';
import { rolePolicies } from '../../src/diagnostics/iam/role-policies';
import { wildcardGrants } from '../../src/diagnostics/iam/wildcard-grants';

/**
 * 6.5, "Maintain least-privilege IAM policies": no platform role is granted every action, and none of the platform's
 * own policies (inline or customer managed) grants write actions on every resource. AWS managed policies are judged
 * for `Action: "*"` only: their resources are AWS's to scope.
 */
export default defineCheck({
  id: 'least-privilege-roles',
  title: "The platform's roles have least-privilege policies",
  establishes: 'No inline or attached policy of practices.platformRoles allows Action "*" (or NotAction), and no inline or customer-managed one allows write actions on Resource "*" beyond the actions that support no resource.',
  kind: 'check',
  uses: ['iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:GetPolicy', 'iam:GetPolicyVersion'],
  async run(ctx) {
    const roles = ctx.config.practices?.platformRoles;
    if (!roles) return notConfigured(ctx.environment, 'practices.platformRoles');
    const parts: SubjectVerdict[] = [];
    for (const role of roles) {
      const links = [link(`IAM role ${role}`, `https://console.aws.amazon.com/iam/home#/roles/details/${encodeURIComponent(role)}?section=permissions`)];
      let policies;
      try {
        policies = await rolePolicies(ctx, role);
      } catch (caught) {
        if (!(caught instanceof NoSuchEntityException)) throw caught;
        parts.push({ subject: role, result: fail(`role ${role} (practices.platformRoles) does not exist`, { links }) });
        continue;
      }
      try {
        const grants = policies.flatMap((policy) =>
          wildcardGrants(readPolicyDocument(policy.document, `${role} ${policy.kind} policy ${policy.name}`), { writesOnAllResources: !policy.awsManaged }).map((grant) => ({ policy: `${policy.kind} ${policy.name}`, ...grant })),
        );
        const seen = [evidence('policies', policies.map((p) => `${p.kind} ${p.name}${p.awsManaged ? ' (AWS managed)' : ''}`)), evidence('wildcard grants', grants.map((g) => ({ ...g, actions: [...g.actions] })))];
        if (grants.length) {
          const named = grants.map((g) => `${g.policy} (${g.statement}) ${g.kind === 'all-actions' ? 'allows every action' : `allows ${g.actions.join(', ')} on every resource`}`);
          parts.push({ subject: role, result: fail(`${named.join('; ')}`, { evidence: seen, links }) });
        } else parts.push({ subject: role, result: pass(`${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} of ${role}, none grants every action or writes on every resource`, { evidence: seen, links }) });
      } catch (caught) {
        if (!(caught instanceof PolicyDocumentError)) throw caught;
        parts.push({ subject: role, result: error(caught.message, caught, { links }) });
      }
    }
    return combineVerdicts(parts);
  },
});
