import { header, jsonResponse, type SandboxRequest } from '../core/http';
import type { SandboxService, ServiceReply } from '../core/service';
import type { SandboxStates } from '../states';
import { authProblem } from './auth';
import { loadAirflowState, type AirflowState, type Dag, type DagRun, type TaskInstance } from './state';
import { dagRunJson, errorJson, structuredLogLine, taskInstanceJson, textLogLine, type ApiVersion } from './wire';

const reply = (status: number, body: unknown, operation: string, mutates = false): ServiceReply => ({ response: jsonResponse(status, body), call: { operation, mutates } });
/** An error answer: RFC 7807 as `application/problem+json` on v1 (as Airflow 2 sends it), `{ detail }` on v2. */
const failure = (status: number, title: string, detail: string, version: ApiVersion, operation: string): ServiceReply => ({
  response: jsonResponse(status, errorJson(status, title, detail, version), version === 'v1' ? 'application/problem+json' : 'application/json'),
  call: { operation, mutates: false },
});
const notFound = (version: ApiVersion, detail: string, operation: string) => failure(404, 'Not Found', detail, version, operation);

function sortRuns(runs: DagRun[], orderBy: string | null): DagRun[] {
  const field = (orderBy ?? 'id').replace(/^-/, '');
  const key = (run: DagRun) => (field === 'run_after' ? run.runAfter : field === 'start_date' ? run.startDate ?? '' : run.logicalDate ?? run.runAfter);
  const sorted = [...runs].sort((a, b) => key(a).localeCompare(key(b)));
  return orderBy?.startsWith('-') ? sorted.reverse() : sorted;
}

function listDagRuns(request: SandboxRequest, dag: Dag, version: ApiVersion): ServiceReply {
  const query = request.url.searchParams;
  const states = query.getAll('state').flatMap((s) => s.split(',')).filter(Boolean);
  const limit = Math.min(Number(query.get('limit') ?? 100) || 100, 100);
  const offset = Number(query.get('offset') ?? 0) || 0;
  const matching = sortRuns(dag.runs.filter((run) => !states.length || states.includes(run.state)), query.get('order_by'));
  return reply(200, { dag_runs: matching.slice(offset, offset + limit).map((run) => dagRunJson(run, version)), total_entries: matching.length }, 'GetDagRuns');
}

function readLog(request: SandboxRequest, dag: Dag, run: DagRun, ti: TaskInstance, tryNumber: string, version: ApiVersion): ServiceReply {
  const lines = ti.logs[tryNumber];
  if (!lines || Number(tryNumber) < 1 || Number(tryNumber) > Math.max(ti.tryNumber, 1)) {
    return notFound(version, `Task instance did not exist in the DB or try ${tryNumber} has no log`, 'GetLog');
  }
  const token = Buffer.from(JSON.stringify({ end_of_log: true, log_pos: lines.length })).toString('base64url');
  const accept = header(request, 'accept') ?? '*/*';
  const file = `/opt/airflow/logs/dag_id=${dag.dagId}/run_id=${run.runId}/task_id=${ti.taskId}/attempt=${tryNumber}.log`;
  if (version === 'v1') {
    const text = `${ti.hostname}\n*** Found local files:\n***   * ${file}\n${lines.map(textLogLine).join('\n')}\n`;
    if (accept.includes('text/plain')) return { response: { status: 200, headers: { 'content-type': 'text/plain' }, body: text }, call: { operation: 'GetLog', mutates: false } };
    return reply(200, { content: text, continuation_token: token }, 'GetLog');
  }
  const content = [{ event: '::group::Log message source details', sources: [file] }, { event: '::endgroup::' }, ...lines.map(structuredLogLine)];
  if (accept.includes('application/x-ndjson')) {
    const body = content.map((item) => JSON.stringify(item)).join('\n') + '\n';
    return { response: { status: 200, headers: { 'content-type': 'application/x-ndjson' }, body }, call: { operation: 'GetLog', mutates: false } };
  }
  return reply(200, { content, continuation_token: token }, 'GetLog');
}

function downstreamOf(dag: Dag, taskIds: string[]): string[] {
  const found = new Set(taskIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [task, spec] of Object.entries(dag.tasks)) {
      if (!found.has(task) && spec.upstream.some((u) => found.has(u))) {
        found.add(task);
        grew = true;
      }
    }
  }
  return [...found];
}

function clearTaskInstances(request: SandboxRequest, dag: Dag, version: ApiVersion): ServiceReply {
  let body: { dry_run?: boolean; task_ids?: string[]; dag_run_id?: string; only_failed?: boolean; include_downstream?: boolean };
  try {
    body = JSON.parse(request.body.toString('utf8') || '{}') as typeof body;
  } catch {
    return failure(400, 'Bad Request', 'the body is not JSON', version, 'ClearTaskInstances');
  }
  const dryRun = body.dry_run ?? true;
  const onlyFailed = body.only_failed ?? true;
  const runs = body.dag_run_id ? dag.runs.filter((r) => r.runId === body.dag_run_id) : dag.runs;
  if (body.dag_run_id && runs.length === 0) return notFound(version, `DAGRun with run_id ${body.dag_run_id} not found`, 'ClearTaskInstances');
  const tasks = body.task_ids?.length ? (body.include_downstream ? downstreamOf(dag, body.task_ids) : body.task_ids) : Object.keys(dag.tasks);
  const chosen: Array<[DagRun, TaskInstance]> = [];
  for (const run of runs) {
    for (const ti of run.tasks.values()) {
      if (!tasks.includes(ti.taskId)) continue;
      if (onlyFailed && ti.state !== 'failed' && ti.state !== 'upstream_failed') continue;
      chosen.push([run, ti]);
    }
  }
  const listed = chosen.map(([run, ti]) =>
    version === 'v1'
      ? { dag_id: dag.dagId, dag_run_id: run.runId, execution_date: run.logicalDate ?? run.runAfter, task_id: ti.taskId }
      : taskInstanceJson(dag, run, ti, version),
  );
  if (!dryRun) {
    for (const [run, ti] of chosen) {
      ti.state = null;
      run.state = 'queued';
    }
  }
  return reply(200, version === 'v1' ? { task_instances: listed } : { task_instances: listed, total_entries: listed.length }, 'ClearTaskInstances', !dryRun && chosen.length > 0);
}

function route(request: SandboxRequest, state: AirflowState, version: ApiVersion, rest: string): ServiceReply {
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'dags' || !parts[1]) return notFound(version, `the sandbox does not serve ${rest}`, 'unknown');
  const dag = state.dags.get(parts[1]);
  if (!dag) return notFound(version, `DAG with dag_id: '${parts[1]}' not found`, 'GetDag');
  const [, , collection, runId, sub, taskId, leaf, tryNumber] = parts;
  if (collection === 'clearTaskInstances' && request.method === 'POST') return clearTaskInstances(request, dag, version);
  if (request.method !== 'GET') return failure(405, 'Method Not Allowed', `${request.method} is not allowed here`, version, 'unknown');
  if (!collection) return reply(200, { dag_id: dag.dagId, is_paused: dag.isPaused, is_active: true, dag_display_name: dag.dagId }, 'GetDag');
  if (collection !== 'dagRuns') return notFound(version, `the sandbox does not serve ${rest}`, 'unknown');
  if (!runId) return listDagRuns(request, dag, version);
  const run = dag.runs.find((r) => r.runId === runId);
  if (!run) return notFound(version, `DAGRun with DAG ID: '${dag.dagId}' and DagRun ID: '${runId}' not found`, 'GetDagRun');
  if (!sub) return reply(200, dagRunJson(run, version), 'GetDagRun');
  if (sub !== 'taskInstances') return notFound(version, `the sandbox does not serve ${rest}`, 'unknown');
  if (!taskId) {
    const instances = [...run.tasks.values()].map((ti) => taskInstanceJson(dag, run, ti, version));
    return reply(200, { task_instances: instances, total_entries: instances.length }, 'GetTaskInstances');
  }
  const ti = run.tasks.get(taskId);
  if (!ti) return notFound(version, `Task instance ${taskId} not found`, 'GetTaskInstance');
  if (!leaf) return reply(200, taskInstanceJson(dag, run, ti, version), 'GetTaskInstance');
  if (leaf === 'logs' && tryNumber) return readLog(request, dag, run, ti, tryNumber, version);
  return notFound(version, `the sandbox does not serve ${rest}`, 'unknown');
}

/** Airflow 3's token endpoint: a username and password for an access token. */
function issueToken(request: SandboxRequest, state: AirflowState): ServiceReply {
  let body: { username?: string; password?: string } = {};
  try {
    body = JSON.parse(request.body.toString('utf8') || '{}') as typeof body;
  } catch {
    return reply(400, { detail: 'the body is not JSON' }, 'CreateToken');
  }
  const known = state.users[body.username ?? ''];
  if (!known || known.password !== body.password || !state.tokens[0]) return reply(401, { detail: 'Invalid credentials' }, 'CreateToken');
  return reply(201, { access_token: state.tokens[0] }, 'CreateToken');
}

/** The simulated Airflow REST API: the stable v1 API of Airflow 2 and the v2 API of Airflow 3, under /airflow/api/v1 and /airflow/api/v2. */
export const airflowService: SandboxService<AirflowState, SandboxStates> = {
  load: (section) => loadAirflowState(section),
  async handle(request, env) {
    const state = env.states.airflow;
    if (request.url.pathname === '/airflow/auth/token' && request.method === 'POST') return issueToken(request, state);
    const match = /^\/airflow\/api\/(v1|v2)(\/.*)?$/.exec(request.url.pathname);
    if (!match) return reply(404, { detail: `the sandbox serves Airflow under /airflow/api/v1 and /airflow/api/v2, not ${request.url.pathname}` }, 'unknown');
    const version = match[1] as ApiVersion;
    const problem = authProblem(request, state, version);
    if (problem) return failure(401, 'Unauthorized', problem, version, 'unauthenticated');
    return route(request, state, version, match[2] ?? '/');
  },
};
