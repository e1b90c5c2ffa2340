import { paginate } from '../pagination';
import { githubError, githubJson } from '../responses';
import { workflowShape } from '../workflow-shape';
import type { GithubOperation } from './context';
import { findWorkflow } from './runs';

/** `GET /repos/{owner}/{repo}/actions/workflows`: the repository's workflows, paginated. */
export const listWorkflows: GithubOperation = (call) => {
  const workflows = [...call.repo.workflows].sort((a, b) => a.id - b.id);
  const page = paginate(workflows, call.request.url);
  const body = { total_count: workflows.length, workflows: page.items.map((workflow) => workflowShape(call.repo, workflow, call.urls)) };
  return { response: githubJson(200, body, page.link ? { link: page.link } : {}), call: { operation: 'ListRepoWorkflows', mutates: false } };
};

/** `GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}`, by numeric id or file name. */
export const getWorkflow: GithubOperation = (call) => {
  const workflow = findWorkflow(call.repo.workflows, call.params.workflow_id!);
  if (!workflow) return { response: githubError(404, 'Not Found'), call: { operation: 'GetWorkflow', mutates: false } };
  return { response: githubJson(200, workflowShape(call.repo, workflow, call.urls)), call: { operation: 'GetWorkflow', mutates: false } };
};
