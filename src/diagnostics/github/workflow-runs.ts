import { warn } from '../../check-api';
import type { GithubClient } from '../../clients';
import type { WarnResult } from '../../model';
import type { TerraformWorkflow } from './workflow-settings';

/** The parts of a workflow run the checks report. */
export interface RunSummary {
  id: number;
  runNumber: number;
  attempt: number;
  status: string;
  conclusion: string | null;
  branch: string | null;
  sha: string;
  event: string;
  createdAt: string;
  actor: string | null;
  url: string;
}

/** A job of a run that did not succeed, and its first failed step. */
export interface FailedJob {
  id: number;
  name: string;
  conclusion: string | null;
  failedStep: string | null;
  url: string | null;
}

/** Conclusions that mean the run (or job) did not do its work. */
export const failedConclusions: readonly string[] = ['failure', 'timed_out', 'cancelled', 'startup_failure', 'action_required'];

/** The most jobs read from one run: pages of 100. */
const maxJobPages = 5;

/**
 * The newest run of the Terraform workflow (on the configured branch) in any state, or null when there is none:
 * a queued re-run is the latest, never skipped for the older run that finished.
 */
export async function latestRun(github: GithubClient, workflow: TerraformWorkflow): Promise<RunSummary | null> {
  const { data } = await github.rest.actions.listWorkflowRuns({
    owner: workflow.owner,
    repo: workflow.repo,
    workflow_id: workflow.terraform.workflow,
    per_page: 1,
    ...(workflow.terraform.branch ? { branch: workflow.terraform.branch } : {}),
  });
  const run = data.workflow_runs[0];
  if (!run) return null;
  return {
    id: run.id,
    runNumber: run.run_number,
    attempt: run.run_attempt ?? 1,
    status: run.status ?? 'unknown',
    conclusion: run.conclusion,
    branch: run.head_branch,
    sha: run.head_sha,
    event: run.event,
    createdAt: run.created_at,
    actor: run.actor?.login ?? null,
    url: run.html_url,
  };
}

/** `re-run #7002 attempt 2` or `run #7003`: how a run is named in verdicts. */
function runLabel(run: RunSummary): string {
  return run.attempt > 1 ? `re-run #${run.runNumber} attempt ${run.attempt}` : `run #${run.runNumber}`;
}

/** `re-run #7002 attempt 2 is queued`: a run that has not completed, in words. */
export function describeUnfinished(run: RunSummary): string {
  return `${runLabel(run)} is ${run.status.replace('_', ' ')}`;
}

/** The verdict for a run that has not completed (`re-run #7002 attempt 2 is queued: wait for it`), or null when it has. */
export function waitForRun(run: RunSummary, links: WarnResult['links'] = []): WarnResult | null {
  if (run.status === 'completed') return null;
  return warn(`${describeUnfinished(run)}: wait for it; its outcome is not known yet`, { links });
}

/** The jobs of a run that did not succeed, each with its first failed step (bounded to 500 jobs). */
export async function failedJobs(github: GithubClient, workflow: TerraformWorkflow, runId: number): Promise<FailedJob[]> {
  const found: FailedJob[] = [];
  for (let page = 1; page <= maxJobPages; page++) {
    const { data } = await github.rest.actions.listJobsForWorkflowRun({ owner: workflow.owner, repo: workflow.repo, run_id: runId, filter: 'latest', per_page: 100, page });
    for (const job of data.jobs) {
      if (!failedConclusions.includes(job.conclusion ?? '')) continue;
      const step = job.steps?.find((s) => failedConclusions.includes(s.conclusion ?? ''));
      found.push({ id: job.id, name: job.name, conclusion: job.conclusion, failedStep: step?.name ?? null, url: job.html_url });
    }
    if (data.jobs.length < 100 || page * 100 >= data.total_count) break;
  }
  return found;
}

/** A job's plain-text log (Octokit follows GitHub's redirect to the log file). */
export async function jobLog(github: GithubClient, workflow: TerraformWorkflow, jobId: number): Promise<string> {
  const { data } = await github.rest.actions.downloadJobLogsForWorkflowRun({ owner: workflow.owner, repo: workflow.repo, job_id: jobId });
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return String(data ?? '');
}
