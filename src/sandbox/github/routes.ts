import { compileTemplate, type PathTemplate } from '../core/path-template';
import { artifactBlob, downloadArtifactRedirect, listRunArtifacts } from './operations/artifacts';
import { getContent } from './operations/contents';
import type { GithubOperation } from './operations/context';
import { getEnvironment } from './operations/environments';
import { jobLogBlob, jobLogsRedirect, listJobs } from './operations/jobs';
import { getRepository } from './operations/repository';
import { rerunFailedJobs } from './operations/rerun';
import { getRun, listRunsForRepo, listWorkflowRuns } from './operations/runs';
import { getWorkflow, listWorkflows } from './operations/workflows';

/**
 * One route of the simulated GitHub. `rest` routes are GitHub REST API operations, their path exactly as
 * GitHub's OpenAPI description writes it; the others are the storage URLs a 302 of the API points to.
 */
export interface GithubRoute {
  method: 'GET' | 'POST';
  path: string;
  kind: 'rest' | 'redirect-target';
  handle: GithubOperation;
}

const repo = '/repos/{owner}/{repo}';
const actions = `${repo}/actions`;

/** Every route the simulated GitHub serves under /github; the contract test walks this table against the real description. */
export const githubRoutes: readonly GithubRoute[] = [
  { method: 'GET', path: repo, kind: 'rest', handle: getRepository },
  { method: 'GET', path: `${repo}/contents/{path}`, kind: 'rest', handle: getContent },
  { method: 'GET', path: `${repo}/environments/{environment_name}`, kind: 'rest', handle: getEnvironment },
  { method: 'GET', path: `${actions}/workflows`, kind: 'rest', handle: listWorkflows },
  { method: 'GET', path: `${actions}/workflows/{workflow_id}`, kind: 'rest', handle: getWorkflow },
  { method: 'GET', path: `${actions}/workflows/{workflow_id}/runs`, kind: 'rest', handle: listWorkflowRuns },
  { method: 'GET', path: `${actions}/runs`, kind: 'rest', handle: listRunsForRepo },
  { method: 'GET', path: `${actions}/runs/{run_id}`, kind: 'rest', handle: getRun },
  { method: 'GET', path: `${actions}/runs/{run_id}/jobs`, kind: 'rest', handle: listJobs },
  { method: 'GET', path: `${actions}/runs/{run_id}/artifacts`, kind: 'rest', handle: listRunArtifacts },
  { method: 'GET', path: `${actions}/jobs/{job_id}/logs`, kind: 'rest', handle: jobLogsRedirect },
  { method: 'GET', path: `${actions}/artifacts/{artifact_id}/{archive_format}`, kind: 'rest', handle: downloadArtifactRedirect },
  { method: 'POST', path: `${actions}/runs/{run_id}/rerun-failed-jobs`, kind: 'rest', handle: rerunFailedJobs },
  { method: 'GET', path: '/_blobs/{owner}/{repo}/jobs/{job_id}/log.txt', kind: 'redirect-target', handle: jobLogBlob },
  { method: 'GET', path: '/_blobs/{owner}/{repo}/artifacts/{artifact_id}.zip', kind: 'redirect-target', handle: artifactBlob },
];

/** The routes compiled for matching. */
export const compiledGithubRoutes: ReadonlyArray<{ route: GithubRoute; template: PathTemplate }> = githubRoutes.map((route) => ({ route, template: compileTemplate(route.path) }));
