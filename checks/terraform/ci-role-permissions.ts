import { defineCheck, evidence, fail, link, notConfigured, pass, skip, warn, type CheckContext } from '../../src/check-api';
import type { Evidence } from '../../src/model';
import { logExcerpt } from '../../src/diagnostics/github/log-excerpt';
import { describeUnfinished, failedConclusions, failedJobs, jobLog, latestRun } from '../../src/diagnostics/github/workflow-runs';
import { isSkip, terraformWorkflow } from '../../src/diagnostics/github/workflow-settings';
import { findAccessDenials, type AccessDenial } from '../../src/diagnostics/iam-actions/access-denied';
import { requiredActions, type RequiredAction } from '../../src/diagnostics/iam-actions/required-actions';
import { simulatePrincipal } from '../../src/diagnostics/iam/simulate';
import { loadPlan } from '../../src/diagnostics/terraform/load-plan';
import { incompleteness } from '../../src/diagnostics/terraform/plan-caveats';

/** Actions per SimulatePrincipalPolicy call. */
const batchSize = 50;

async function simulate(ctx: CheckContext, roleArn: string, required: readonly RequiredAction[]): Promise<Array<{ action: string; decision: string; addresses: string[] }>> {
  const batches = [];
  for (let i = 0; i < required.length; i += batchSize) batches.push({ actions: required.slice(i, i + batchSize).map((r) => r.action), resource: '*' });
  const decisions = await simulatePrincipal(ctx.clients.iam(), roleArn, batches, ctx.signal);
  return decisions
    .filter((d) => d.decision !== 'allowed')
    .map((d) => ({ action: d.action || '?', decision: d.decision, addresses: required.find((r) => r.action === d.action)?.addresses ?? [] }));
}

async function deniedInLogs(ctx: CheckContext): Promise<{ denials: AccessDenial[]; evidence: Evidence[]; notRead?: string }> {
  const workflow = terraformWorkflow(ctx);
  if (isSkip(workflow)) return { denials: [], evidence: [evidence('workflow logs', `not read: ${workflow.summary}`)], notRead: workflow.summary };
  const github = await ctx.clients.github();
  const run = await ctx.memo(['github:latest-run', workflow.owner, workflow.repo, workflow.terraform.workflow, workflow.terraform.branch], () => latestRun(github, workflow));
  if (run && run.status !== 'completed') {
    const waiting = `${describeUnfinished(run)}: its logs are not written yet, wait for it`;
    return { denials: [], evidence: [evidence('workflow logs', `not read: ${waiting}`)], notRead: waiting };
  }
  if (!run || !failedConclusions.includes(run.conclusion ?? '')) return { denials: [], evidence: [evidence('workflow logs', run ? `run #${run.runNumber} ended ${run.conclusion}: no failed job to read` : 'no run')] };
  const denials: AccessDenial[] = [];
  for (const job of (await ctx.memo(['github:failed-jobs', workflow.owner, workflow.repo, run.id], () => failedJobs(github, workflow, run.id))).slice(0, 3)) {
    const excerpt = logExcerpt(await jobLog(github, workflow, job.id), 500);
    denials.push(...findAccessDenials(excerpt.errorLines));
  }
  return { denials, evidence: [evidence('workflow run', { id: run.id, runNumber: run.runNumber, url: run.url })] };
}

/** 3.6.4: the CI role may do what the plan needs (IAM policy simulation), and the failed run's logs show no AccessDenied. */
export default defineCheck({
  id: 'ci-role-permissions',
  title: 'The CI role may apply the plan',
  establishes: "The Terraform workflow's role is allowed every IAM action the plan's changes need, and the latest failed run's logs contain no access denial.",
  kind: 'check',
  uses: ['github:ListWorkflowRuns', 'github:DownloadArtifact', 'github:DownloadJobLogsForWorkflowRun', 'iam:SimulatePrincipalPolicy'],
  async run(ctx) {
    const terraform = ctx.config.terraform;
    if (!terraform) return notConfigured(ctx.environment, 'terraform');
    const seen: Evidence[] = [];
    const problems: string[] = [];
    const notes: string[] = [];
    const logs = await deniedInLogs(ctx);
    seen.push(...logs.evidence);
    if (logs.denials.length) {
      seen.push(evidence('access denied in logs', logs.denials.map((d) => ({ ...d }))));
      const actions = [...new Set(logs.denials.map((d) => d.action).filter(Boolean))];
      problems.push(`the failed run's log shows ${logs.denials.length} access denial${logs.denials.length > 1 ? 's' : ''}${actions.length ? ` (${actions.join(', ')})` : ''}`);
    }
    const loaded = await loadPlan(ctx);
    const missing = 'status' in loaded ? [] : incompleteness(loaded.plan);
    if ('status' in loaded) notes.push(`plan not read: ${loaded.summary}`);
    else {
      if (missing.length) seen.push(evidence('plan incomplete because', missing));
      const needed = requiredActions(loaded.plan.changes);
      seen.push(evidence('actions the plan needs', needed.required.map((r) => ({ ...r }))), evidence('resource types without a known action list', needed.unmappedTypes));
      if (!terraform.ciRoleArn) notes.push('policy simulation skipped: terraform.ciRoleArn is not configured');
      else if (needed.required.length) {
        const denied = await simulate(ctx, terraform.ciRoleArn, needed.required);
        seen.push(evidence('CI role', terraform.ciRoleArn), evidence('denied by simulation', denied));
        if (denied.length) problems.push(`${terraform.ciRoleArn} may not ${denied.map((d) => d.action).join(', ')}`);
        else notes.push(`the CI role is allowed all ${needed.required.length} actions the plan needs`);
      } else notes.push('the plan changes no AWS resource');
    }
    const links = terraform.ciRoleArn ? [link('CI role in the IAM console', `https://console.aws.amazon.com/iam/home#/roles/details/${encodeURIComponent(terraform.ciRoleArn.split('/').pop()!)}`)] : [];
    if (problems.length) return fail(problems.join('; '), { evidence: seen, links });
    // Neither the logs nor the plan could be read: nothing was checked, so nothing passed.
    if (logs.notRead && 'status' in loaded) return skip(`workflow logs not read (${logs.notRead}); ${notes.join('; ')}`, { evidence: seen, links });
    // An incomplete plan may need actions it does not list: the simulation cannot vouch for them.
    if (missing.length) return warn(`the plan is incomplete, so the actions it needs may be more than those simulated: ${missing.join('; ')}; ${notes.join('; ')}`, { evidence: seen, links });
    return pass([logs.notRead ? `workflow logs not read: ${logs.notRead}` : 'no access denial in the logs', ...notes].join('; '), { evidence: seen, links });
  },
});
