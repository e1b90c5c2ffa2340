import { defineCheck, evidence, fail, link, pass, skip } from '../../src/check-api';
import { failedJobs, latestRun, waitForRun } from '../../src/diagnostics/github/workflow-runs';
import { isSkip, terraformWorkflow } from '../../src/diagnostics/github/workflow-settings';

/** Symptom 3.6.s1: the latest run of the Terraform workflow failed (one still queued or running is reported as such). */
export default defineCheck({
  id: 'terraform-apply-failed',
  title: 'The Terraform workflow failed',
  establishes: 'The latest run of the Terraform workflow, in any state, completed without failing (the symptom is absent).',
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListJobsForWorkflowRun'],
  async run(ctx) {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return workflow;
    const github = await ctx.clients.github();
    const run = await ctx.memo(['github:latest-run', workflow.owner, workflow.repo, workflow.terraform.workflow, workflow.terraform.branch], () => latestRun(github, workflow));
    if (!run) return skip(`no run of workflow ${workflow.terraform.workflow}`);
    const links = [link(`run #${run.runNumber}`, run.url)];
    const waiting = waitForRun(run, links);
    if (waiting) return { ...waiting, evidence: [evidence('run', { ...run })] };
    if (run.conclusion === 'success' || run.conclusion === 'skipped' || run.conclusion === 'neutral') {
      return pass(`the latest run #${run.runNumber} ended ${run.conclusion}`, { evidence: [evidence('run', { ...run })], links });
    }
    const jobs = await ctx.memo(['github:failed-jobs', workflow.owner, workflow.repo, run.id], () => failedJobs(github, workflow, run.id));
    const steps = jobs.map((job) => `${job.name} › ${job.failedStep ?? '(no failed step)'}`);
    return fail(`the latest run #${run.runNumber} ended ${run.conclusion}${steps.length ? ` at ${steps.join(', ')}` : ''}`, {
      evidence: [evidence('run', { ...run }), evidence('failed steps', steps)],
      links,
    });
  },
});
