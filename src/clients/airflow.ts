import type { DagRun, TaskInstance, TaskLog } from '../diagnostics/airflow/model';
import { parseLogContent } from '../diagnostics/airflow/log-content';
import { parseDagTasks, type DagTask } from '../diagnostics/airflow/dag-tasks';
import { parseClearedTasks, parseDagRuns, parseTaskInstancePage } from '../diagnostics/airflow/parse';
import { parseTextLog } from '../diagnostics/airflow/text-log';
import { airflowCredentials, airflowCredentialsHint, type AirflowCredentials } from './airflow-auth';
import { AirflowAuthError, AirflowHttpError, AirflowMutationBlockedError, AirflowNotFoundError, AirflowUnreachableError } from './airflow-errors';
import { bodyFailure, checkAirflowAnswer, readAirflowJson, readAirflowText } from './airflow-response';
import { beginCall, encodeTrace, traceHeader } from './call-trace';
import { throughBreaker, type ServiceBreaker } from './breaker/service-breaker';
import { defaultRetryPolicy, type RetryPolicy } from './retry/policy';
import { parseRetryAfter } from './retry/retry-after';
import { withRetry } from './retry/with-retry';
import { observeCall, type ServiceCallListener } from './service-calls';
import { transportFailure } from './transport-failure';
import type { AirflowTarget } from './targets';
import type { Fetch } from './http-connections';

export * from './airflow-errors';

/** What to clear: the failed task instances of one run, and optionally what runs after them. */
export interface ClearRequest {
  dagRunId: string;
  taskIds: string[];
  includeDownstream: boolean;
  dryRun: boolean;
}

/** The Airflow REST API (v1 or v2) behind one interface. */
export interface AirflowClient {
  apiVersion: 'v1' | 'v2';
  /** The UI's base URL, for deep links. */
  uiUrl: string;
  /** Recent runs of a DAG, newest first; `states` filters. */
  listDagRuns(dagId: string, options: { limit: number; states?: string[] }): Promise<DagRun[]>;
  listTaskInstances(dagId: string, runId: string): Promise<TaskInstance[]>;
  /** The DAG's tasks, each with its downstream task ids. */
  listTasks(dagId: string): Promise<DagTask[]>;
  /** A task try's log, keeping at most `maxBytes` of its end. */
  readTaskLog(dagId: string, runId: string, taskId: string, tryNumber: number, maxBytes: number): Promise<TaskLog>;
  /** Clears task instances (a dry run lists what would be cleared); refused on a read-only client unless a dry run. */
  clearTaskInstances(dagId: string, request: ClearRequest): Promise<Array<{ taskId: string; runId: string }>>;
}

/** The UI deep links of Airflow 2 (grid view) and Airflow 3 (run and task pages). */
export function airflowLinks(client: Pick<AirflowClient, 'apiVersion' | 'uiUrl'>) {
  const base = client.uiUrl.replace(/\/$/, '');
  const e = encodeURIComponent;
  return {
    dag: (dagId: string) => (client.apiVersion === 'v1' ? `${base}/dags/${e(dagId)}/grid` : `${base}/dags/${e(dagId)}`),
    run: (dagId: string, runId: string) => (client.apiVersion === 'v1' ? `${base}/dags/${e(dagId)}/grid?dag_run_id=${e(runId)}` : `${base}/dags/${e(dagId)}/runs/${e(runId)}`),
    task: (dagId: string, runId: string, taskId: string) =>
      client.apiVersion === 'v1' ? `${base}/dags/${e(dagId)}/grid?dag_run_id=${e(runId)}&task_id=${e(taskId)}&tab=logs` : `${base}/dags/${e(dagId)}/runs/${e(runId)}/tasks/${e(taskId)}`,
  };
}

/** Task instances asked for per GetTaskInstances page. */
const taskPageSize = 100;
/** The most GetTaskInstances pages read for one run. */
const maxTaskPages = 50;

function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { detail?: unknown; title?: unknown };
    const detail = typeof parsed.detail === 'string' ? parsed.detail : JSON.stringify(parsed.detail ?? parsed.title ?? '');
    return detail.slice(0, 300);
  } catch {
    return body.slice(0, 300);
  }
}

async function readTail(operation: string, response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  let kept = Buffer.alloc(0);
  let total = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      kept = Buffer.concat([kept, Buffer.from(chunk)]);
      if (kept.length > maxBytes) kept = kept.subarray(kept.length - maxBytes);
    }
  } catch (cause) {
    throw bodyFailure(operation, response.url, cause);
  }
  return { text: kept.toString('utf8'), truncated: total > maxBytes };
}

/**
 * Creates an Airflow client for a target; a `readOnly` client refuses clears that are not dry runs. Each read (request
 * and answer) is retried under `retry` when it fails transiently: a 429 or 5xx, a reset, an answer cut short.
 */
export function createAirflowClient(target: AirflowTarget, options: { readOnly: boolean; env?: NodeJS.ProcessEnv; onCall?: ServiceCallListener; retry?: RetryPolicy; breaker?: ServiceBreaker; fetch?: Fetch }): AirflowClient {
  const fetchAnswer = options.fetch ?? fetch; // the run's own connections when it has them
  const base = target.baseUrl.replace(/\/$/, '');
  const api = `${base}/api/${target.apiVersion}`;
  let credentials: AirflowCredentials = airflowCredentials(target, options.env);
  const sent = target.explicitCredentials ? 'sandbox' : credentials.kind;

  const policy = options.retry ?? defaultRetryPolicy;
  const send = (operation: string, url: string, init: RequestInit = {}, trace?: string): Promise<Response> => observeCall(options.onCall, 'airflow', operation, () => request(operation, url, init, trace));
  const request = async (operation: string, url: string, init: RequestInit, trace: string | undefined): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (credentials.kind === 'token') headers.set('authorization', `Bearer ${credentials.token}`);
    if (credentials.kind === 'basic') headers.set('authorization', `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`);
    if (trace) headers.set(traceHeader, trace);
    let response: Response;
    try {
      response = await fetchAnswer(url, { ...init, headers, signal: AbortSignal.timeout(target.timeoutMs) });
    } catch (cause) {
      throw new AirflowUnreachableError(operation, url, transportFailure(cause, target.timeoutMs)?.words ?? `could not be reached (${(cause as Error).message})`, { cause });
    }
    if (response.ok) return response;
    const detail = errorDetail(await readAirflowText(operation, response).catch(() => ''));
    if (response.status === 401 || response.status === 403) throw new AirflowAuthError(operation, response.status, detail, { hint: airflowCredentialsHint(sent, response.status) });
    if (response.status === 404) throw new AirflowNotFoundError(operation, response.status, detail);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    throw new AirflowHttpError(operation, response.status, detail, retryAfterMs === undefined ? {} : { retryAfterMs });
  };
  /** One call: its request and the reading of its answer, retried as a whole; every attempt carries the call's one trace. */
  const call = async <T>(operation: string, url: string, init: RequestInit, read: (response: Response) => Promise<T>, retry = true): Promise<T> => {
    const traced = beginCall();
    const trace = traced ? encodeTrace(traced.trace) : undefined;
    try {
      const attempt = () => throughBreaker(options.breaker, 'Airflow', operation, target.timeoutMs, async () => read(await send(operation, url, init, trace)));
      return await withRetry(retry ? policy : { ...policy, attempts: 1 }, attempt);
    } finally {
      traced?.done();
    }
  };

  /** Airflow 3 takes no basic auth: exchange the username and password for a token once. */
  const authenticate = async () => {
    if (target.apiVersion !== 'v2' || credentials.kind !== 'basic') return;
    const { username, password } = credentials;
    credentials = { kind: 'none' };
    const answer = await call('token', `${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }, async (response) => ({
      status: response.status,
      json: (await readAirflowJson('token', response)) as { access_token?: unknown },
    }));
    const token = answer.json.access_token;
    if (typeof token !== 'string') throw new AirflowAuthError('token', answer.status, 'the token endpoint returned no access_token');
    credentials = { kind: 'token', token };
  };

  const getJson = async (operation: string, url: string): Promise<unknown> => {
    await authenticate();
    return call(operation, url, { headers: { accept: 'application/json' } }, (response) => readAirflowJson(operation, response));
  };
  const e = encodeURIComponent;
  const runPath = (dagId: string, runId: string) => `${api}/dags/${e(dagId)}/dagRuns/${e(runId)}`;

  return {
    apiVersion: target.apiVersion,
    uiUrl: target.uiUrl ?? base,
    async listDagRuns(dagId, { limit, states }) {
      const query = new URLSearchParams({ limit: String(limit), order_by: target.apiVersion === 'v2' ? '-run_after' : '-execution_date' });
      for (const state of states ?? []) query.append('state', state);
      return parseDagRuns(await getJson('GetDagRuns', `${api}/dags/${e(dagId)}/dagRuns?${query}`)).runs;
    },
    async listTaskInstances(dagId, runId) {
      // A page holds at most 100 (Airflow's default maximum_page_limit): a dbt DAG with a task per model has more.
      const instances: TaskInstance[] = [];
      for (let page = 0; page < maxTaskPages; page++) {
        const found = parseTaskInstancePage(await getJson('GetTaskInstances', `${runPath(dagId, runId)}/taskInstances?limit=${taskPageSize}&offset=${instances.length}`));
        instances.push(...found.instances);
        const complete = found.totalEntries === null ? found.instances.length < taskPageSize : instances.length >= found.totalEntries;
        if (complete || found.instances.length === 0) break;
      }
      return instances;
    },
    async listTasks(dagId) {
      return parseDagTasks(await getJson('GetTasks', `${api}/dags/${e(dagId)}/tasks`));
    },
    async readTaskLog(dagId, runId, taskId, tryNumber, maxBytes) {
      await authenticate();
      const url = `${runPath(dagId, runId)}/taskInstances/${e(taskId)}/logs/${tryNumber}?full_content=true`;
      const accept = target.apiVersion === 'v1' ? 'text/plain' : 'application/x-ndjson';
      const answer = await call('GetLog', url, { headers: { accept } }, async (response) => {
        checkAirflowAnswer('GetLog', response, 'log');
        const type = response.headers.get('content-type') ?? '';
        if (type.includes('application/json')) return { type, json: await readAirflowJson('GetLog', response) };
        return { type, ...(await readTail('GetLog', response, maxBytes)) };
      });
      const type = answer.type;
      if ('json' in answer) {
        const parsed = parseLogContent(answer.json);
        return { ...parsed, truncated: false };
      }
      const { text, truncated } = answer;
      if (type.includes('ndjson')) {
        const items = text.split('\n').slice(truncated ? 1 : 0).filter(Boolean).flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
        return { ...parseLogContent({ content: items }), truncated };
      }
      const lines = parseTextLog(text);
      return { lines: truncated ? lines.slice(1) : lines, continuationToken: null, truncated };
    },
    async clearTaskInstances(dagId, request) {
      if (options.readOnly && !request.dryRun) throw new AirflowMutationBlockedError('clearTaskInstances');
      await authenticate();
      const body = { dry_run: request.dryRun, dag_run_id: request.dagRunId, task_ids: request.taskIds, only_failed: true, include_downstream: request.includeDownstream, include_upstream: false, include_future: false, include_past: false, reset_dag_runs: true };
      // A dry run only reads, so it is retried; a clear that changes state is sent once.
      const answer = await call('ClearTaskInstances', `${api}/dags/${e(dagId)}/clearTaskInstances`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }, (response) => readAirflowJson('ClearTaskInstances', response), request.dryRun);
      return parseClearedTasks(answer);
    },
  };
}
