import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { describeDrift } from '../../src/diagnostics/terraform/drift';
import { describePlanSource, loadPlan, planSourceLinks } from '../../src/diagnostics/terraform/load-plan';
import { alsoIncomplete, incompleteness } from '../../src/diagnostics/terraform/plan-caveats';

/** 3.6.3: the plan's resource_drift is empty; lists drifted addresses and their changed attributes. */
export default defineCheck({
  id: 'plan-drift',
  title: 'No Terraform state drift',
  establishes: "The plan is complete and its resource_drift is empty: nothing changed outside Terraform since the last apply.",
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListWorkflowRunArtifacts', 'github:DownloadArtifact'],
  async run(ctx) {
    const loaded = await loadPlan(ctx);
    if ('status' in loaded) return loaded;
    const { plan, source } = loaded;
    const drifted = describeDrift(plan.drift);
    const missing = incompleteness(plan);
    const links = planSourceLinks(source);
    const seen = [evidence('plan source', describePlanSource(source)), evidence('drifted resources', drifted.map((d) => ({ ...d }))), evidence('incomplete because', missing)];
    if (drifted.length) {
      const named = drifted.map((d) => `${d.address} (${d.action === 'delete' ? 'deleted outside Terraform' : d.changedAttributes.join(', ')})`);
      return fail(`${drifted.length} resource${drifted.length > 1 ? 's' : ''} changed outside Terraform: ${named.join('; ')}${alsoIncomplete(plan)}`, { evidence: seen, links });
    }
    if (missing.length) return warn(`no drift in what Terraform planned, but the plan is incomplete: ${missing.join('; ')}`, { evidence: seen, links });
    return pass('no drift: every resource matches the state', { evidence: seen, links });
  },
});
