import { compileTemplate, type PathTemplate } from '../core/path-template';
import type { AirflowOperation } from './call';
import { clearTaskInstances } from './operations/clear';
import { getDagRun, listDagRuns } from './operations/dag-runs';
import { getDag, getDagDetails, listDags } from './operations/dags';
import { readLog } from './operations/logs';
import { getTaskInstance, listTaskInstances } from './operations/task-instances';
import { listTasks } from './operations/tasks';
import { issueToken } from './operations/token';
import type { ApiVersion } from './wire';

/** One operation of the simulated Airflow, with the path each API version serves it at, exactly as that version's OpenAPI spec writes it. */
export interface AirflowRoute {
  method: 'GET' | 'POST';
  /** v1 paths are below `/api/v1` (the spec's server base); v2 paths start with `/api/v2`, as Airflow 3's spec writes them. */
  paths: Partial<Record<ApiVersion, string>>;
  handle: AirflowOperation;
  /** False only for the token endpoint, which is how a client gets its credentials. */
  authenticated: boolean;
}

const both = (path: string) => ({ v1: path, v2: `/api/v2${path}` });
const dagRun = '/dags/{dag_id}/dagRuns/{dag_run_id}';

/** Every route the simulated Airflow serves; the contract test walks this table against the real specs. */
export const airflowRoutes: readonly AirflowRoute[] = [
  { method: 'GET', paths: both('/dags'), handle: listDags, authenticated: true },
  { method: 'GET', paths: both('/dags/{dag_id}'), handle: getDag, authenticated: true },
  { method: 'GET', paths: both('/dags/{dag_id}/details'), handle: getDagDetails, authenticated: true },
  { method: 'GET', paths: both('/dags/{dag_id}/tasks'), handle: listTasks, authenticated: true },
  { method: 'GET', paths: both('/dags/{dag_id}/dagRuns'), handle: listDagRuns, authenticated: true },
  { method: 'GET', paths: both(dagRun), handle: getDagRun, authenticated: true },
  { method: 'GET', paths: both(`${dagRun}/taskInstances`), handle: listTaskInstances, authenticated: true },
  { method: 'GET', paths: both(`${dagRun}/taskInstances/{task_id}`), handle: getTaskInstance, authenticated: true },
  {
    method: 'GET',
    paths: { v1: `${dagRun}/taskInstances/{task_id}/logs/{task_try_number}`, v2: `/api/v2${dagRun}/taskInstances/{task_id}/logs/{try_number}` },
    handle: readLog,
    authenticated: true,
  },
  { method: 'POST', paths: both('/dags/{dag_id}/clearTaskInstances'), handle: clearTaskInstances, authenticated: true },
  { method: 'POST', paths: { v2: '/auth/token' }, handle: issueToken, authenticated: false },
];

/** Where a route's path sits below the sandbox's `/airflow` prefix. */
export function servedPath(version: ApiVersion, specPath: string): string {
  return version === 'v1' ? `/api/v1${specPath}` : specPath;
}

/** The routes compiled for matching: one entry per route and version. */
export const compiledAirflowRoutes: ReadonlyArray<{ route: AirflowRoute; version: ApiVersion; template: PathTemplate }> = airflowRoutes.flatMap((route) =>
  (Object.entries(route.paths) as Array<[ApiVersion, string]>).map(([version, path]) => ({ route, version, template: compileTemplate(servedPath(version, path)) })),
);
