import { blobNotFound, githubError, githubJson, redirectTo } from '../responses';
import { paginate } from '../pagination';
import { jobShape } from '../shapes';
import type { GithubJob } from '../state';
import type { GithubCall, GithubOperation } from './context';

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs`: the run's jobs with their steps, paginated. */
export const listJobs: GithubOperation = (call) => {
  const runId = call.params.run_id;
  const operation = 'ListJobsForWorkflowRun';
  const run = call.repo.runs.find((r) => r.id === Number(runId));
  if (!run) return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  const page = paginate(run.jobs, call.request.url);
  const body = { total_count: run.jobs.length, jobs: page.items.map((job) => jobShape(call.repo, run, job, call.urls)) };
  return { response: githubJson(200, body, page.link ? { link: page.link } : {}), call: { operation, mutates: false } };
};

/** Finds a job of any run of the repository. */
export function findJob(call: GithubCall, jobId: string | undefined): GithubJob | undefined {
  return call.repo.runs.flatMap((run) => run.jobs).find((job) => job.id === Number(jobId));
}

/** `GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs`: GitHub answers 302 to a short-lived log URL. */
export const jobLogsRedirect: GithubOperation = (call) => {
  const jobId = call.params.job_id;
  const operation = 'DownloadJobLogsForWorkflowRun';
  const job = findJob(call, jobId);
  if (!job || job.status !== 'completed') return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  return { response: redirectTo(`${call.urls.api}/_blobs/${call.repo.owner}/${call.repo.name}/jobs/${job.id}/log.txt`), call: { operation, mutates: false } };
};

/** GitHub's timestamp prefix of a log line: seven fractional digits, UTC. */
function logTimestamp(iso: string, offsetMs: number): string {
  return new Date(Date.parse(iso) + offsetMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** The plain-text log behind the redirect: every line prefixed with its timestamp, CRLF-free, as GitHub serves it. */
export const jobLogBlob: GithubOperation = (call) => {
  const jobId = call.params.job_id;
  const job = findJob(call, jobId);
  if (!job) return { response: blobNotFound(), call: { operation: 'GetLogBlob', mutates: false } };
  const text = job.log.map((line, index) => `${logTimestamp(job.started_at, index * 10)} ${line}`).join('\n');
  return { response: { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text }, call: { operation: 'GetLogBlob', mutates: false } };
};
