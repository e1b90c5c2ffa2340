import { nodeId } from './ids';
import type { GithubUrls } from './shapes';
import type { GithubRepository, GithubWorkflow } from './state';

/** A workflow as `GET …/actions/workflows` lists it. */
export function workflowShape(repo: GithubRepository, workflow: GithubWorkflow, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const runs = repo.runs.filter((run) => run.workflowId === workflow.id).map((run) => run.created_at).sort();
  const createdAt = runs[0] ?? repo.createdAt;
  return {
    id: workflow.id,
    node_id: nodeId('Workflow', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: workflow.state,
    created_at: createdAt,
    updated_at: runs.at(-1) ?? createdAt,
    url: `${urls.api}/repos/${full}/actions/workflows/${workflow.id}`,
    html_url: `${urls.web}/${full}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${urls.web}/${full}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}
