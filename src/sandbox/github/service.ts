import { header } from '../core/http';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { artifactBlob, downloadArtifactRedirect, listRunArtifacts } from './operations/artifacts';
import type { GithubOperation } from './operations/context';
import { jobLogBlob, jobLogsRedirect, listJobs } from './operations/jobs';
import { rerunFailedJobs } from './operations/rerun';
import { getRun, listRunsForRepo, listWorkflowRuns } from './operations/runs';
import { githubError } from './responses';
import { loadGithubState, type GithubState } from './state';
import { githubPathPrefix, sandboxGithubToken } from './token';

const repoPath = '/repos/([^/]+)/([^/]+)/actions';

/** The routes of the simulated REST API: method, path pattern (owner and repo first), handler. */
const routes: ReadonlyArray<[string, RegExp, GithubOperation]> = [
  ['GET', new RegExp(`^${repoPath}/runs$`), listRunsForRepo],
  ['GET', new RegExp(`^${repoPath}/workflows/([^/]+)/runs$`), listWorkflowRuns],
  ['GET', new RegExp(`^${repoPath}/runs/(\\d+)$`), getRun],
  ['GET', new RegExp(`^${repoPath}/runs/(\\d+)/jobs$`), listJobs],
  ['GET', new RegExp(`^${repoPath}/jobs/(\\d+)/logs$`), jobLogsRedirect],
  ['GET', new RegExp(`^${repoPath}/runs/(\\d+)/artifacts$`), listRunArtifacts],
  ['GET', new RegExp(`^${repoPath}/artifacts/(\\d+)/(\\w+)$`), downloadArtifactRedirect],
  ['POST', new RegExp(`^${repoPath}/runs/(\\d+)/rerun-failed-jobs$`), rerunFailedJobs],
  ['GET', /^\/_blobs\/([^/]+)\/([^/]+)\/jobs\/(\d+)\/log\.txt$/, jobLogBlob],
  ['GET', /^\/_blobs\/([^/]+)\/([^/]+)\/artifacts\/(\d+)\.zip$/, artifactBlob],
];

/** True when the request carries the sandbox's token, as `token X` or `Bearer X`. */
function authorized(authorization: string | undefined): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] === sandboxGithubToken;
}

/** The simulated GitHub REST API under /github: workflow runs, jobs, logs, artifacts, re-runs. */
export const githubService: SandboxService<GithubState, SandboxStates> = {
  load: (section) => loadGithubState(section),
  async handle(request, env) {
    const state = env.states.github;
    const path = request.url.pathname.slice(githubPathPrefix.length) || '/';
    const urls = { api: `${env.baseUrl}${githubPathPrefix}`, web: `${env.baseUrl}${githubPathPrefix}/web` };
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    if (!route) return { response: githubError(404, 'Not Found'), call: { operation: `${request.method} ${path}`, mutates: false } };
    const [, pattern, operation] = route;
    const isBlob = path.startsWith('/_blobs/');
    if (!isBlob && !authorized(header(request, 'authorization'))) {
      return { response: githubError(401, 'Bad credentials'), call: { operation: 'Unauthorized', mutates: false } };
    }
    const [, owner, name, ...ids] = pattern.exec(path)!.map((part) => decodeURIComponent(part));
    const repo = state.repositories.get(`${owner}/${name}`.toLowerCase());
    if (!repo) return { response: githubError(404, 'Not Found'), call: { operation: 'UnknownRepository', mutates: false } };
    return operation({ request, repo, urls, now: env.clock.now() }, ids);
  },
};
