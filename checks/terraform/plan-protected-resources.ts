import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { countActions } from '../../src/diagnostics/terraform/action-counts';
import { describePlanSource, loadPlan, planSourceLinks } from '../../src/diagnostics/terraform/load-plan';
import { protectedDestroys } from '../../src/diagnostics/terraform/protected-resources';

/** 3.6.2: the plan's action counts; every delete or replace of a protected resource fails with its address and reason. */
export default defineCheck({
  id: 'plan-protected-resources',
  title: 'Terraform plan: changes and protected resources',
  establishes: 'The plan destroys or replaces no protected resource (state buckets, lock table, storage integrations, stages, IAM roles, configured addresses); counts every action.',
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListWorkflowRunArtifacts', 'github:DownloadArtifact'],
  async run(ctx) {
    const loaded = await loadPlan(ctx);
    if ('status' in loaded) return loaded;
    const { plan, source } = loaded;
    const terraform = ctx.config.terraform!;
    const counts = countActions(plan.changes);
    const destroys = protectedDestroys(plan.changes, { types: terraform.protectedTypes, addresses: terraform.protectedAddresses });
    const links = planSourceLinks(source);
    const seen = [
      evidence('plan source', describePlanSource(source)),
      evidence('format', { format_version: plan.formatVersion, terraform_version: plan.terraformVersion }),
      evidence('actions', counts),
      evidence('deletes and replaces', plan.changes.filter((c) => c.action === 'delete' || c.action === 'replace').map((c) => ({ address: c.address, action: c.action, reason: c.reason ?? null }))),
    ];
    const tally = `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete, ${counts.read} to read`;
    if (destroys.length) {
      seen.push(evidence('protected resources destroyed', destroys.map((d) => ({ ...d }))));
      const named = destroys.map((d) => `${d.address} (${d.action}${d.replacePaths.length ? ` forced by ${d.replacePaths.join(', ')}` : ''}; ${d.planReason}; protected by ${d.protectedBy})`);
      return fail(`the plan destroys ${destroys.length} protected resource${destroys.length > 1 ? 's' : ''}: ${named.join('; ')}`, { evidence: seen, links });
    }
    if (plan.errored) return warn(`Terraform marked the plan as errored: it may be incomplete (${tally})`, { evidence: seen, links });
    return pass(`the plan destroys no protected resource: ${tally}`, { evidence: seen, links });
  },
});
