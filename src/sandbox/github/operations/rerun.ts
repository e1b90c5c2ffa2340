import { githubError, githubJson } from '../responses';
import type { GithubOperation } from './context';

const failedConclusions = new Set(['failure', 'cancelled', 'timed_out', 'startup_failure']);

/**
 * `POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs`: queues a new attempt of the
 * failed jobs (201). A run still in progress, or one without failed jobs, is refused with 403.
 */
export const rerunFailedJobs: GithubOperation = (call) => {
  const runId = call.params.run_id;
  const operation = 'ReRunWorkflowFailedJobs';
  const run = call.repo.runs.find((r) => r.id === Number(runId));
  if (!run) return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  if (run.status !== 'completed') return { response: githubError(403, 'This workflow run is not completed'), call: { operation, mutates: false } };
  if (!failedConclusions.has(run.conclusion ?? '')) return { response: githubError(403, 'This workflow run has no failed jobs to re-run'), call: { operation, mutates: false } };
  run.run_attempt += 1;
  run.status = 'queued';
  run.conclusion = null;
  run.updated_at = call.now.toISOString();
  for (const job of run.jobs) {
    if (!failedConclusions.has(job.conclusion ?? '')) continue;
    job.status = 'queued';
    job.conclusion = null;
  }
  return { response: githubJson(201, {}), call: { operation, mutates: true } };
};
