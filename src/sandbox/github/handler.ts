import { header } from '../core/http';
import { matchTemplate } from '../core/path-template';
import type { ServiceHandler } from '../core/service';
import type { SandboxStates } from '../states';
import { githubError } from './responses';
import { getAuthenticatedUser } from './operations/authenticated-user';
import { compiledGithubRoutes } from './routes';
import { githubPathPrefix, sandboxGithubToken } from './token';

/** True when the request carries the sandbox's token, as `token X` or `Bearer X`. */
function authorized(authorization: string | undefined): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] === sandboxGithubToken;
}

/** The simulated GitHub REST API under /github: repositories, workflows, workflow runs, jobs, logs, artifacts, re-runs. */
export const handler: ServiceHandler<SandboxStates> = {
  async handle(request, env) {
    const state = env.states.github;
    const path = request.url.pathname.slice(githubPathPrefix.length) || '/';
    const urls = { api: `${env.baseUrl}${githubPathPrefix}`, web: `${env.baseUrl}${githubPathPrefix}/web` };
    // The one account route: who the token is. It names no repository, so it is answered before the repository routes.
    if (path === '/user' && request.method === 'GET') {
      if (!authorized(header(request, 'authorization'))) return { response: githubError(401, 'Bad credentials'), call: { operation: 'Unauthorized', mutates: false } };
      return getAuthenticatedUser(state.tokenLogin, urls, '2024-01-15T09:00:00Z');
    }
    const found = compiledGithubRoutes.map(({ route, template }) => ({ route, params: matchTemplate(template, path) })).find((c) => c.params && c.route.method === request.method);
    if (!found) return { response: githubError(404, 'Not Found'), call: { operation: `${request.method} ${path}`, mutates: false } };
    const { route } = found;
    const params = found.params!;
    if (route.kind === 'rest' && !authorized(header(request, 'authorization'))) {
      return { response: githubError(401, 'Bad credentials'), call: { operation: 'Unauthorized', mutates: false } };
    }
    const repo = state.repositories.get(`${params.owner}/${params.repo}`.toLowerCase());
    if (!repo) return { response: githubError(404, 'Not Found'), call: { operation: 'UnknownRepository', mutates: false } };
    return route.handle({ request, params, repo, urls, now: env.clock.now() });
  },
};
