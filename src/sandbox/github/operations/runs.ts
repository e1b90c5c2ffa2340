import { githubError, githubJson } from '../responses';
import { paginate } from '../pagination';
import { runShape } from '../shapes';
import type { GithubRun, GithubWorkflow } from '../state';
import type { GithubCall, GithubOperation } from './context';

const statusValues = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);

function matches(run: GithubRun, query: URLSearchParams): boolean {
  const status = query.get('status');
  if (status && (statusValues.has(status) ? run.status !== status : run.conclusion !== status)) return false;
  const branch = query.get('branch');
  if (branch && run.head_branch !== branch) return false;
  const event = query.get('event');
  if (event && run.event !== event) return false;
  const actor = query.get('actor');
  return !actor || run.actor === actor;
}

function list(call: GithubCall, runs: readonly GithubRun[], operation: string) {
  const selected = runs.filter((run) => matches(run, call.request.url.searchParams));
  const page = paginate(selected, call.request.url);
  const body = { total_count: selected.length, workflow_runs: page.items.map((run) => runShape(call.repo, run, call.urls)) };
  return { response: githubJson(200, body, page.link ? { link: page.link } : {}), call: { operation, mutates: false } };
}

/** Finds a workflow by numeric id or by file name (`terraform.yml`), as the REST API accepts either. */
export function findWorkflow(workflows: readonly GithubWorkflow[], idOrFile: string): GithubWorkflow | undefined {
  return /^\d+$/.test(idOrFile) ? workflows.find((w) => w.id === Number(idOrFile)) : workflows.find((w) => w.path.split('/').pop() === idOrFile);
}

/** `GET /repos/{owner}/{repo}/actions/runs`: every workflow's runs, newest first, filtered and paginated. */
export const listRunsForRepo: GithubOperation = (call) => list(call, call.repo.runs, 'ListWorkflowRunsForRepo');

/** `GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs`: one workflow's runs, by id or file name. */
export const listWorkflowRuns: GithubOperation = (call) => {
  const workflow = findWorkflow(call.repo.workflows, call.params.workflow_id!);
  if (!workflow) return { response: githubError(404, 'Not Found'), call: { operation: 'ListWorkflowRuns', mutates: false } };
  return list(call, call.repo.runs.filter((run) => run.workflowId === workflow.id), 'ListWorkflowRuns');
};

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. */
export const getRun: GithubOperation = (call) => {
  const runId = call.params.run_id;
  const run = call.repo.runs.find((r) => r.id === Number(runId));
  const operation = 'GetWorkflowRun';
  if (!run) return { response: githubError(404, 'Not Found'), call: { operation, mutates: false } };
  return { response: githubJson(200, runShape(call.repo, run, call.urls)), call: { operation, mutates: false } };
};
