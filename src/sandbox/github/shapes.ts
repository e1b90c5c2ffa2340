import { nodeId } from './ids';
import { minimalRepositoryShape, repositoryId } from './repository-shape';
import type { GithubArtifact, GithubJob, GithubRepository, GithubRun } from './state';
import { userShape } from './user-shape';

/** The URLs GitHub puts in its answers, built on the sandbox's base so clients can follow them. */
export interface GithubUrls {
  /** The REST API base (`http://127.0.0.1:PORT/github`). */
  api: string;
  /** The web base for `html_url` (`http://127.0.0.1:PORT/github/web`). */
  web: string;
}

/** A workflow run as `GET /repos/{owner}/{repo}/actions/runs/{run_id}` returns it. */
export function runShape(repo: GithubRepository, run: GithubRun, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const workflow = repo.workflows.find((w) => w.id === run.workflowId)!;
  const api = `${urls.api}/repos/${full}/actions/runs/${run.id}`;
  return {
    id: run.id,
    name: workflow.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: workflow.path,
    display_title: `${workflow.name} #${run.id}`,
    run_number: run.id % 10_000,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflow.id,
    check_suite_id: run.id * 10,
    check_suite_node_id: nodeId('CheckSuite', run.id * 10),
    url: api,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.created_at,
    updated_at: run.updated_at ?? run.created_at,
    actor: userShape(run.actor, urls),
    triggering_actor: userShape(run.actor, urls),
    run_attempt: run.run_attempt,
    run_started_at: run.created_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${full}/check-suites/${run.id * 10}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.run_attempt > 1 ? `${api}/attempts/${run.run_attempt - 1}` : null,
    referenced_workflows: [],
    workflow_url: `${urls.api}/repos/${full}/actions/workflows/${workflow.id}`,
    head_commit: {
      id: run.head_sha,
      tree_id: run.head_sha.split('').reverse().join(''),
      message: 'terraform change',
      timestamp: run.created_at,
      author: { name: run.actor, email: `${run.actor}@users.noreply.sandbox` },
      committer: { name: 'GitHub', email: 'noreply@sandbox' },
    },
    repository: minimalRepositoryShape(repo, urls),
    head_repository: minimalRepositoryShape(repo, urls),
    head_repository_id: repositoryId(repo),
  };
}

/** A job as `GET …/runs/{run_id}/jobs` lists it, with its steps. */
export function jobShape(repo: GithubRepository, run: GithubRun, job: GithubJob, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const workflow = repo.workflows.find((w) => w.id === run.workflowId)!;
  return {
    id: job.id,
    run_id: run.id,
    run_url: `${urls.api}/repos/${full}/actions/runs/${run.id}`,
    run_attempt: run.run_attempt,
    node_id: nodeId('CheckRun', job.id),
    head_sha: run.head_sha,
    url: `${urls.api}/repos/${full}/actions/jobs/${job.id}`,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.started_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    name: job.name,
    steps: job.steps.map((step) => ({ ...step, started_at: job.started_at, completed_at: job.completed_at })),
    check_run_url: `${urls.api}/repos/${full}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions',
    workflow_name: workflow.name,
    head_branch: run.head_branch,
  };
}

/** An artifact as `GET …/runs/{run_id}/artifacts` lists it. */
export function artifactShape(repo: GithubRepository, run: GithubRun, artifact: GithubArtifact, sizeInBytes: number, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: artifact.id,
    node_id: nodeId('Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: sizeInBytes,
    url: `${urls.api}/repos/${full}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${urls.api}/repos/${full}/actions/artifacts/${artifact.id}/zip`,
    expired: artifact.expired,
    created_at: run.created_at,
    updated_at: run.updated_at ?? run.created_at,
    expires_at: run.created_at,
    digest: null,
    workflow_run: { id: run.id, repository_id: repositoryId(repo), head_repository_id: repositoryId(repo), head_branch: run.head_branch, head_sha: run.head_sha },
  };
}
