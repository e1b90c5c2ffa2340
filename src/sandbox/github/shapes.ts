import type { GithubArtifact, GithubJob, GithubRepository, GithubRun } from './state';

/** The URLs GitHub puts in its answers, built on the sandbox's base so clients can follow them. */
export interface GithubUrls {
  /** The REST API base (`http://127.0.0.1:PORT/github`). */
  api: string;
  /** The web base for `html_url` (`http://127.0.0.1:PORT/github/web`). */
  web: string;
}

const actorOf = (login: string) => ({ login, id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false });

/** A workflow run as `GET /repos/{owner}/{repo}/actions/runs/{run_id}` returns it. */
export function runShape(repo: GithubRepository, run: GithubRun, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const workflow = repo.workflows.find((w) => w.id === run.workflowId)!;
  const api = `${urls.api}/repos/${full}/actions/runs/${run.id}`;
  return {
    id: run.id,
    name: workflow.name,
    node_id: Buffer.from(`WorkflowRun${run.id}`).toString('base64'),
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
    url: api,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.created_at,
    updated_at: run.updated_at ?? run.created_at,
    actor: actorOf(run.actor),
    triggering_actor: actorOf(run.actor),
    run_attempt: run.run_attempt,
    run_started_at: run.created_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${full}/check-suites/${run.id * 10}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${urls.api}/repos/${full}/actions/workflows/${workflow.id}`,
    head_commit: { id: run.head_sha, tree_id: run.head_sha, message: 'terraform change', timestamp: run.created_at },
    repository: { id: 1, name: repo.name, full_name: full, private: true, owner: actorOf(repo.owner) },
    head_repository: { id: 1, name: repo.name, full_name: full, private: true, owner: actorOf(repo.owner) },
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
    node_id: Buffer.from(`Job${job.id}`).toString('base64'),
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
    node_id: Buffer.from(`Artifact${artifact.id}`).toString('base64'),
    name: artifact.name,
    size_in_bytes: sizeInBytes,
    url: `${urls.api}/repos/${full}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${urls.api}/repos/${full}/actions/artifacts/${artifact.id}/zip`,
    expired: artifact.expired,
    created_at: run.created_at,
    updated_at: run.updated_at ?? run.created_at,
    expires_at: run.created_at,
    workflow_run: { id: run.id, repository_id: 1, head_repository_id: 1, head_branch: run.head_branch, head_sha: run.head_sha },
  };
}
