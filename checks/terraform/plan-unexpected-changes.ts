import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { countActions } from '../../src/diagnostics/terraform/action-counts';
import { describeDrift } from '../../src/diagnostics/terraform/drift';
import { describePlanSource, loadPlan, planSourceLinks } from '../../src/diagnostics/terraform/load-plan';
import { alsoIncomplete, incompleteness } from '../../src/diagnostics/terraform/plan-caveats';
import { protectedDestroys } from '../../src/diagnostics/terraform/protected-resources';

/**
 * Symptom 3.6.s2: the plan shows changes nobody asked for: drift from outside Terraform, or the
 * destruction of a protected resource. 3.6.2 and 3.6.3 give the detail.
 */
export default defineCheck({
  id: 'plan-unexpected-changes',
  title: 'The Terraform plan shows unexpected changes',
  establishes: 'The plan is complete and neither reports drift nor destroys a protected resource (the symptom is absent).',
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListWorkflowRunArtifacts', 'github:DownloadArtifact'],
  async run(ctx) {
    const loaded = await loadPlan(ctx);
    if ('status' in loaded) return loaded;
    const { plan, source } = loaded;
    const terraform = ctx.config.terraform!;
    const drifted = describeDrift(plan.drift).map((d) => d.address);
    const destroyed = protectedDestroys([...plan.changes, ...plan.deferred], { types: terraform.protectedTypes, addresses: terraform.protectedAddresses }).map((d) => `${d.address} (${d.action})`);
    const missing = incompleteness(plan);
    const links = planSourceLinks(source);
    const seen = [evidence('plan source', describePlanSource(source)), evidence('actions', countActions(plan.changes)), evidence('drifted', drifted), evidence('protected resources destroyed', destroyed), evidence('incomplete because', missing)];
    const found = [...(drifted.length ? [`drift in ${drifted.join(', ')} (see 3.6.3)`] : []), ...(destroyed.length ? [`destroys ${destroyed.join(', ')} (see 3.6.2)`] : [])];
    if (found.length) return fail(`the plan shows unexpected changes: ${found.join('; ')}${alsoIncomplete(plan)}`, { evidence: seen, links });
    if (missing.length) return warn(`no unexpected change in what Terraform planned, but the plan is incomplete: ${missing.join('; ')}`, { evidence: seen, links });
    return pass('the plan shows no drift and destroys no protected resource', { evidence: seen, links });
  },
});
