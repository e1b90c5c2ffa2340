import { defineCheck, evidence, fail, link, pass, skip, type CheckContext } from '../../src/check-api';
import { logExcerpt } from '../../src/diagnostics/github/log-excerpt';
import { githubStatus } from '../../src/diagnostics/github/request-errors';
import { failedJobs, jobLog, latestRun, waitForRun, type FailedJob } from '../../src/diagnostics/github/workflow-runs';
import { isSkip, terraformWorkflow, type TerraformWorkflow } from '../../src/diagnostics/github/workflow-settings';
import type { JsonValue } from '../../src/model';

/** The most failed jobs whose logs are read. */
const maxLogs = 3;

async function excerptOf(ctx: CheckContext, workflow: TerraformWorkflow, job: FailedJob): Promise<JsonValue> {
  const github = await ctx.clients.github();
  try {
    const excerpt = logExcerpt(await jobLog(github, workflow, job.id), workflow.terraform.logExcerptLines);
    return { job: job.name, step: job.failedStep, totalLines: excerpt.totalLines, truncated: excerpt.truncated, lines: excerpt.lines };
  } catch (error) {
    const status = githubStatus(error);
    if (status === 404 || status === 410) return { job: job.name, step: job.failedStep, unavailable: 'the log has expired or was deleted' };
    throw error;
  }
}

/** 3.6.1: the latest run of the Terraform workflow (queued or running: wait for it); for a failure, the failed job and step and the error lines. */
export default defineCheck({
  id: 'terraform-workflow-run',
  title: 'GitHub Actions logs of the Terraform workflow',
  establishes: "The latest run of the Terraform workflow, in any state, completed and succeeded; when it failed, names the failed job and step and quotes the log's error lines.",
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:ListJobsForWorkflowRun', 'github:DownloadJobLogsForWorkflowRun'],
  async run(ctx) {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return workflow;
    const github = await ctx.clients.github();
    const run = await ctx.memo(['github:latest-run', workflow.owner, workflow.repo, workflow.terraform.workflow, workflow.terraform.branch], () => latestRun(github, workflow));
    const where = `${workflow.github.repository} workflow ${workflow.terraform.workflow}${workflow.terraform.branch ? ` on ${workflow.terraform.branch}` : ''}`;
    if (!run) return skip(`no run of ${where}`);
    const links = [link(`run #${run.runNumber} (attempt ${run.attempt})`, run.url)];
    const seen = [evidence('run', { ...run })];
    const waiting = waitForRun(run, links);
    if (waiting) return { ...waiting, evidence: seen };
    if (run.conclusion === 'success') return pass(`the latest run #${run.runNumber} of ${where} succeeded (${run.createdAt})`, { evidence: seen, links });
    if (run.conclusion === 'skipped' || run.conclusion === 'neutral') return pass(`the latest run #${run.runNumber} of ${where} ended ${run.conclusion}`, { evidence: seen, links });
    const jobs = await ctx.memo(['github:failed-jobs', workflow.owner, workflow.repo, run.id], () => failedJobs(github, workflow, run.id));
    for (const job of jobs) if (job.url) links.push(link(`job ${job.name}`, job.url));
    const excerpts: JsonValue[] = [];
    for (const job of jobs.slice(0, maxLogs)) excerpts.push(await excerptOf(ctx, workflow, job));
    seen.push(evidence('failed jobs', jobs.map((job) => ({ ...job }))), evidence('log excerpts', excerpts));
    const first = jobs[0];
    const firstError = (excerpts[0] as { lines?: string[] } | undefined)?.lines?.find((line) => /error/i.test(line));
    const at = first ? ` in job ${first.name}${first.failedStep ? `, step "${first.failedStep}"` : ''}` : '';
    return fail(`the latest run #${run.runNumber} of ${where} ended ${run.conclusion}${at}${firstError ? `: ${firstError.replace(/^.*?Error:\s*/, '').slice(0, 200)}` : ''}`, { evidence: seen, links });
  },
});
