import { defineCheck, evidence, link, noLongerHolds, pass, skip, stillHolds, type ActionPlan } from '../../src/check-api';
import type { CheckResult } from '../../src/model';
import { describeUnfinished, failedConclusions, latestRun } from '../../src/diagnostics/github/workflow-runs';
import { isSkip, terraformWorkflow } from '../../src/diagnostics/github/workflow-settings';

/** The run the plan found, from its evidence. */
const targetOf = (plan: ActionPlan) => plan.evidence[0]!.value as { id: number; runNumber: number; attempt: number; url: string };

/**
 * 3.6.5: re-runs the failed jobs of the latest Terraform run, in CI, only with --fix. There is no apply
 * action: the runbook forbids applying outside CI/CD (docs/terraform-apply-policy.md).
 */
export default defineCheck({
  id: 'rerun-failed-jobs',
  title: 'Re-run the failed Terraform jobs in GitHub Actions',
  establishes: 'The failed jobs of the latest Terraform run are queued again in GitHub Actions, where the state lock and the reviewed plan apply.',
  kind: 'action',
  uses: ['github:ListWorkflowRuns', 'github:ReRunWorkflowFailedJobs'],
  async plan(ctx): Promise<ActionPlan | CheckResult> {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return workflow;
    const run = await latestRun(await ctx.clients.github(), workflow);
    if (!run) return skip(`no run of workflow ${workflow.terraform.workflow}: nothing to re-run`);
    if (run.status !== 'completed') return skip(`${describeUnfinished(run)}: it is running already, wait for it before re-running`, { links: [link(`run #${run.runNumber}`, run.url)] });
    if (!failedConclusions.includes(run.conclusion ?? '')) return pass(`the latest run #${run.runNumber} ended ${run.conclusion}: nothing to re-run`, { links: [link(`run #${run.runNumber}`, run.url)] });
    return {
      description: `re-run the failed jobs of ${workflow.github.repository} run #${run.runNumber} (id ${run.id}, attempt ${run.attempt} → ${run.attempt + 1})`,
      preview: {
        calls: [{ operation: 'github:ReRunWorkflowFailedJobs', parameters: { owner: workflow.owner, repo: workflow.repo, run_id: run.id } }],
        expects: `run #${run.runNumber} goes to attempt ${run.attempt + 1}: its failed jobs and the jobs that depend on them are queued again, the jobs that succeeded are kept`,
      },
      evidence: [evidence('run', { id: run.id, runNumber: run.runNumber, attempt: run.attempt, conclusion: run.conclusion, url: run.url, repository: workflow.github.repository })],
    };
  },
  /** Still failed: the run is still the workflow's latest, completed with a failed conclusion, at the attempt the plan saw. */
  async precondition(ctx, plan) {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return noLongerHolds(workflow.summary);
    const target = targetOf(plan);
    const run = await latestRun(await ctx.clients.github(), workflow);
    if (!run || run.id !== target.id) return noLongerHolds(`run #${target.runNumber} is no longer the latest run of ${workflow.terraform.workflow}${run ? `: #${run.runNumber} is (${run.status}${run.conclusion ? `, ${run.conclusion}` : ''})` : ''}`);
    if (run.status !== 'completed') return noLongerHolds(`${describeUnfinished(run)}: it is running already`);
    if (!failedConclusions.includes(run.conclusion ?? '')) return noLongerHolds(`run #${run.runNumber} ended ${run.conclusion} now (attempt ${run.attempt}): nothing to re-run`);
    if (run.attempt !== target.attempt) return noLongerHolds(`run #${run.runNumber} is at attempt ${run.attempt} now, not ${target.attempt}: someone re-ran it`);
    return stillHolds;
  },
  async apply(ctx, plan) {
    const target = targetOf(plan);
    const call = plan.preview.calls[0]!.parameters as { owner: string; repo: string; run_id: number };
    const github = await ctx.clients.github();
    await github.rest.actions.reRunWorkflowFailedJobs(call);
    return pass(`re-run requested: run #${target.runNumber} attempt ${target.attempt + 1} is queued; follow it in GitHub Actions`, {
      evidence: plan.evidence,
      links: [link(`run #${target.runNumber}`, target.url)],
    });
  },
});
