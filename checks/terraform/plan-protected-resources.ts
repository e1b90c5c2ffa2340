import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { countActions, describeCounts } from '../../src/diagnostics/terraform/action-counts';
import { describePlanSource, loadPlan, planSourceLinks } from '../../src/diagnostics/terraform/load-plan';
import { alsoIncomplete, failedChecks, incompleteness } from '../../src/diagnostics/terraform/plan-caveats';
import { protectedDestroys, protectionOf } from '../../src/diagnostics/terraform/protected-resources';
import { destroysObject } from '../../src/diagnostics/terraform/resource-change';

/** 3.6.2: the plan's action counts; every delete or replace of a protected resource fails with its address and reason. */
export default defineCheck({
  id: 'plan-protected-resources',
  title: 'Terraform plan: changes and protected resources',
  establishes: 'The plan is complete and destroys or replaces no protected resource (state buckets, lock table, storage integrations, stages, IAM roles, configured addresses); counts every action.',
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListWorkflowRunArtifacts', 'github:DownloadArtifact'],
  async run(ctx) {
    const loaded = await loadPlan(ctx);
    if ('status' in loaded) return loaded;
    const { plan, source } = loaded;
    const terraform = ctx.config.terraform!;
    const counts = countActions(plan.changes);
    const policy = { types: terraform.protectedTypes, addresses: terraform.protectedAddresses };
    const destroys = protectedDestroys([...plan.changes, ...plan.deferred], policy);
    const forgotten = plan.changes.filter((c) => c.action === 'forget' || c.replaceOrder === 'create-then-forget');
    const missing = incompleteness(plan);
    const checks = failedChecks(plan);
    const links = planSourceLinks(source);
    const seen = [
      evidence('plan source', describePlanSource(source)),
      evidence('format', { format_version: plan.formatVersion, terraform_version: plan.terraformVersion, errored: plan.errored, complete: plan.complete }),
      evidence('actions', counts),
      evidence('deletes and replaces', plan.changes.filter(destroysObject).map((c) => ({ address: c.address, action: c.action, reason: c.reason ?? null }))),
      evidence('forgotten (left standing, no longer managed)', forgotten.map((c) => c.address)),
      evidence('imports', plan.changes.filter((c) => c.importing).map((c) => ({ address: c.address, id: c.importing!.id }))),
      evidence('moves', plan.changes.filter((c) => c.previousAddress).map((c) => ({ from: c.previousAddress!, to: c.address }))),
      evidence('deferred', plan.deferred.map((d) => ({ address: d.address, action: d.action, reason: d.deferReason }))),
      evidence('failed checks', checks),
      evidence('incomplete because', missing),
    ];
    const tally = describeCounts(counts);
    if (destroys.length) {
      seen.push(evidence('protected resources destroyed', destroys.map((d) => ({ ...d }))));
      const named = destroys.map((d) => `${d.address} (${d.action}${d.replacePaths.length ? ` forced by ${d.replacePaths.join(', ')}` : ''}; ${d.planReason}; protected by ${d.protectedBy})`);
      return fail(`the plan destroys ${destroys.length} protected resource${destroys.length > 1 ? 's' : ''}: ${named.join('; ')}${alsoIncomplete(plan)}`, { evidence: seen, links });
    }
    if (missing.length) return warn(`the plan is incomplete, so it cannot show that no protected resource is destroyed: ${missing.join('; ')} (planned so far: ${tally})`, { evidence: seen, links });
    const forgottenProtected = forgotten.filter((c) => protectionOf(c, policy)).map((c) => c.address);
    if (forgottenProtected.length) return warn(`the plan forgets protected resource${forgottenProtected.length > 1 ? 's' : ''} ${forgottenProtected.join(', ')}: they stay, but Terraform stops managing them (${tally})`, { evidence: seen, links });
    if (checks.length) return warn(`the plan destroys no protected resource, but checks failed: ${checks.join('; ')} (${tally})`, { evidence: seen, links });
    return pass(`the plan destroys no protected resource: ${tally}`, { evidence: seen, links });
  },
});
