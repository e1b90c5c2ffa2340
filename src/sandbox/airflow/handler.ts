import type { ServiceHandler } from '../core/service';
import { matchTemplate } from '../core/path-template';
import type { SandboxStates } from '../states';
import { authProblem } from './auth';
import { airflowPathPrefix } from './credentials';
import { failure, reply } from './replies';
import { compiledAirflowRoutes } from './routes';
import type { ApiVersion } from './wire';

/** The simulated Airflow REST API: the stable v1 API of Airflow 2 and the v2 API of Airflow 3, under /airflow/api/v1 and /airflow/api/v2. */
export const handler: ServiceHandler<SandboxStates> = {
  async handle(request, env) {
    const state = env.states.airflow;
    const path = request.url.pathname.slice(airflowPathPrefix.length) || '/';
    const version: ApiVersion = path.startsWith('/api/v1') ? 'v1' : 'v2';
    const candidates = compiledAirflowRoutes.map((entry) => ({ entry, params: matchTemplate(entry.template, path) })).filter((c) => c.params);
    const found = candidates.find((c) => c.entry.route.method === request.method);
    if (!found) {
      if (candidates.length) return failure(405, 'Method Not Allowed', `${request.method} is not allowed here`, candidates[0]!.entry.version, 'unknown');
      return path.startsWith('/api/') ? failure(404, 'Not Found', `the sandbox does not serve ${path}`, version, 'unknown') : reply(404, { detail: 'Not Found' }, 'unknown');
    }
    const { route, version: routeVersion } = found.entry;
    if (route.authenticated) {
      const problem = authProblem(request, state, routeVersion);
      if (problem) return failure(401, 'Unauthorized', problem, routeVersion, 'unauthenticated');
    }
    return route.handle({ request, version: routeVersion, params: found.params!, state, now: env.clock.now() });
  },
};
