import type { AirflowOperation } from '../call';
import { findDag, isReply } from '../lookup';
import { failure, notFound, reply, validationError } from '../replies';
import type { Dag, DagRun, TaskInstance } from '../state';
import { taskInstanceJson } from '../wire';
import { parseClearBody } from './clear-body';

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

/** `POST /dags/{dag_id}/clearTaskInstances`: lists (dry run) or clears the chosen task instances; their runs go back to queued. */
export const clearTaskInstances: AirflowOperation = (call) => {
  const operation = 'ClearTaskInstances';
  const dag = findDag(call, operation);
  if (isReply(dag)) return dag;
  let raw: unknown;
  try {
    raw = JSON.parse(call.request.body.toString('utf8') || '{}');
  } catch {
    return call.version === 'v1'
      ? failure(400, 'Bad Request', 'Request body is not valid JSON', call.version, operation)
      : validationError([{ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error', input: {} }], operation);
  }
  const parsed = parseClearBody(raw, call.version);
  if ('issues' in parsed) {
    const message = parsed.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return call.version === 'v1'
      ? failure(400, 'Bad Request', message, call.version, operation)
      : validationError(parsed.issues.map((i) => ({ type: i.code, loc: ['body', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], msg: i.message, input: raw })), operation);
  }
  const body = parsed.body;
  const runs = body.dagRunId ? dag.runs.filter((r) => r.runId === body.dagRunId) : dag.runs;
  if (body.dagRunId && runs.length === 0) return notFound(call.version, `DAGRun with run_id ${body.dagRunId} not found`, operation);
  const tasks = body.taskIds?.length ? (body.includeDownstream ? downstreamOf(dag, body.taskIds) : body.taskIds) : Object.keys(dag.tasks);
  const chosen: Array<[DagRun, TaskInstance]> = [];
  for (const run of runs) {
    for (const ti of run.tasks.values()) {
      if (!tasks.includes(ti.taskId)) continue;
      if (body.onlyFailed && ti.state !== 'failed' && ti.state !== 'upstream_failed') continue;
      chosen.push([run, ti]);
    }
  }
  const listed = chosen.map(([run, ti]) =>
    call.version === 'v1'
      ? { dag_id: dag.dagId, dag_run_id: run.runId, execution_date: run.logicalDate ?? run.runAfter, task_id: ti.taskId }
      : taskInstanceJson(dag, run, ti, call.version),
  );
  if (!body.dryRun) {
    for (const [run, ti] of chosen) {
      ti.state = null;
      run.state = 'queued';
    }
  }
  const mutates = !body.dryRun && chosen.length > 0;
  return reply(200, call.version === 'v1' ? { task_instances: listed } : { task_instances: listed, total_entries: listed.length }, operation, mutates);
};
