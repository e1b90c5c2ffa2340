import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient, MutationBlockedError } from '../src/clients';
import { readZipEntry } from '../src/diagnostics/github/unzip';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { sandboxGithubToken } from '../src/sandbox/github/token';
import { root } from './support/project';

const owner = 'review-analytics';
const repo = 'platform-infra';
const realDir = path.resolve(root, '..', 'shared', 'real', 'github_actions');
/** Octokit's logger, silenced: the 401/404/403 answers below are expected. */
const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the simulated GitHub REST API, through the real Octokit', () => {
  let sandbox: Sandbox;
  let github: Octokit;

  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'terraform-drift' });
    github = new Octokit({ baseUrl: `${sandbox.url}/github`, auth: sandboxGithubToken, log });
  });
  afterAll(() => sandbox.stop());

  it("lists a workflow's runs newest first, by file name or id, filtered by status and branch", async () => {
    const byFile = await github.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 'terraform.yml', status: 'completed', branch: 'main' });
    expect(byFile.data.workflow_runs.map((r) => [r.id, r.conclusion])).toEqual([
      [7002, 'failure'],
      [7001, 'success'],
      [6990, 'failure'],
    ]);
    const byId = await github.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 161335, status: 'success' });
    expect(byId.data.workflow_runs.map((r) => r.id)).toEqual([7001]);
    const everyWorkflow = await github.rest.actions.listWorkflowRunsForRepo({ owner, repo });
    expect(everyWorkflow.data.total_count).toBe(4);
  });

  it('serves the repository and its workflows, a workflow by id or by file name', async () => {
    const { data: repository } = await github.rest.repos.get({ owner, repo });
    expect(repository).toMatchObject({ full_name: `${owner}/${repo}`, default_branch: 'main', private: true, owner: { login: owner, type: 'Organization' } });
    const { data: workflows } = await github.rest.actions.listRepoWorkflows({ owner, repo });
    expect(workflows.workflows.map((w) => [w.id, w.path, w.state])).toEqual([
      [161335, '.github/workflows/terraform.yml', 'active'],
      [161340, '.github/workflows/ci.yml', 'active'],
    ]);
    expect((await github.rest.actions.getWorkflow({ owner, repo, workflow_id: 'terraform.yml' })).data.id).toBe(161335);
    expect((await github.rest.actions.getWorkflow({ owner, repo, workflow_id: 161340 })).data.name).toBe('CI');
    await expect(github.rest.actions.getWorkflow({ owner, repo, workflow_id: 'nope.yml' })).rejects.toMatchObject({ status: 404 });
  });

  it('paginates with per_page and page and a Link header that Octokit follows', async () => {
    const first = await github.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: 'terraform.yml', per_page: 2 });
    expect(first.data.workflow_runs).toHaveLength(2);
    expect(first.headers.link).toMatch(/rel="next"/);
    const all = await github.paginate(github.rest.actions.listWorkflowRuns, { owner, repo, workflow_id: 'terraform.yml', per_page: 1 });
    expect(all.map((r) => r.id)).toEqual([7002, 7001, 6990]);
  });

  it("lists a run's jobs with their steps and conclusions", async () => {
    const { data } = await github.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 7002 });
    const apply = data.jobs.find((j) => j.name === 'apply')!;
    expect(apply.conclusion).toBe('failure');
    expect(apply.steps?.find((s) => s.conclusion === 'failure')?.name).toBe('Terraform Apply');
  });

  it('answers a job log download with a redirect to plain text, which Octokit follows', async () => {
    const redirect = await fetch(`${sandbox.url}/github/repos/${owner}/${repo}/actions/jobs/70022/logs`, { headers: { authorization: `token ${sandboxGithubToken}` }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const { data } = await github.rest.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: 70022 });
    expect(typeof data).toBe('string');
    expect(String(data)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z /);
    expect(String(data)).toContain('Error: updating Glue Job');
  });

  it("serves a run's artifacts and the artifact zip holding the plan", async () => {
    const { data } = await github.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: 7002, name: 'terraform-plan' });
    expect(data.artifacts.map((a) => a.name)).toEqual(['terraform-plan']);
    const zip = await github.rest.actions.downloadArtifact({ owner, repo, artifact_id: data.artifacts[0]!.id, archive_format: 'zip' });
    const plan = JSON.parse(readZipEntry(Buffer.from(zip.data as ArrayBuffer), 'plan.json', 1 << 24)!.toString()) as { resource_drift: unknown[] };
    expect(plan.resource_drift).toHaveLength(2);
  });

  it('refuses a wrong token with 401 and an unknown repository with 404, as GitHub does', async () => {
    const stranger = new Octokit({ baseUrl: `${sandbox.url}/github`, auth: 'ghp_wrong', log });
    await expect(stranger.rest.actions.getWorkflowRun({ owner, repo, run_id: 7002 })).rejects.toMatchObject({ status: 401 });
    await expect(github.rest.actions.getWorkflowRun({ owner, repo: 'nope', run_id: 7002 })).rejects.toMatchObject({ status: 404 });
  });

  it('re-runs failed jobs with 201, queues a new attempt, and logs the call as a mutation', async () => {
    await sandbox.loadWorld('terraform-drift');
    const response = await github.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: 7002 });
    expect(response.status).toBe(201);
    const { data } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: 7002 });
    expect(data).toMatchObject({ status: 'queued', conclusion: null, run_attempt: 2 });
    expect(sandbox.calls.all().filter((c) => c.mutates).map((c) => c.operation)).toEqual(['ReRunWorkflowFailedJobs']);
    await expect(github.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: 7001 })).rejects.toMatchObject({ status: 403 });
  });

  it('a read-only client refuses the re-run before anything is sent', async () => {
    await sandbox.loadWorld('terraform-drift');
    const readOnly = await createGithubClient({ baseUrl: `${sandbox.url}/github`, timeoutMs: 5_000, sandboxToken: sandboxGithubToken }, { readOnly: true });
    await expect(readOnly.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: 7002 })).rejects.toBeInstanceOf(MutationBlockedError);
    expect(sandbox.calls.all()).toEqual([]);
  });

  it.skipIf(!existsSync(realDir))(`answers with at least the fields of GitHub's own examples (${realDir}; skipped where absent)`, async () => {
    const realRun = (JSON.parse(readFileSync(path.join(realDir, 'gh_openapi_example_workflow-run-paginated.json'), 'utf8')) as { workflow_runs: Array<Record<string, unknown>> }).workflow_runs[0]!;
    const realJob = (JSON.parse(readFileSync(path.join(realDir, 'gh_openapi_example_job-paginated.json'), 'utf8')) as { jobs: Array<Record<string, unknown>> }).jobs[0]!;
    const run = (await github.rest.actions.getWorkflowRun({ owner, repo, run_id: 7002 })).data as unknown as Record<string, unknown>;
    const job = (await github.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 7002 })).data.jobs[0] as unknown as Record<string, unknown>;
    const essentialRun = ['id', 'name', 'head_branch', 'head_sha', 'run_number', 'event', 'status', 'conclusion', 'workflow_id', 'url', 'html_url', 'created_at', 'updated_at', 'run_attempt', 'jobs_url', 'logs_url', 'artifacts_url', 'rerun_url', 'actor'];
    const essentialJob = ['id', 'run_id', 'run_url', 'head_sha', 'url', 'html_url', 'status', 'conclusion', 'started_at', 'completed_at', 'name', 'steps'];
    for (const key of essentialRun) expect(Object.keys(realRun), `real run has ${key}`).toContain(key);
    for (const key of essentialJob) expect(Object.keys(realJob), `real job has ${key}`).toContain(key);
    expect(Object.keys(run)).toEqual(expect.arrayContaining(essentialRun));
    expect(Object.keys(job)).toEqual(expect.arrayContaining(essentialJob));
    expect(Object.keys((job.steps as Array<Record<string, unknown>>)[0]!)).toEqual(expect.arrayContaining(Object.keys((realJob.steps as Array<Record<string, unknown>>)[0]!)));
  });
});
