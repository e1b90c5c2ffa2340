import type { ServiceReply } from '../core/service';
import type { AirflowCall } from './call';
import { notFound } from './replies';
import type { Dag, DagRun, TaskInstance } from './state';

/** The DAG named by `{dag_id}`, or Airflow's 404. */
export function findDag(call: AirflowCall, operation: string): Dag | ServiceReply {
  const dagId = call.params.dag_id!;
  return call.state.dags.get(dagId) ?? notFound(call.version, `The DAG with dag_id: \`${dagId}\` was not found`, operation);
}

/** The run named by `{dag_run_id}` of a DAG, or Airflow's 404. */
export function findRun(call: AirflowCall, dag: Dag, operation: string): DagRun | ServiceReply {
  const runId = call.params.dag_run_id!;
  return dag.runs.find((run) => run.runId === runId) ?? notFound(call.version, `DAGRun with DAG ID: '${dag.dagId}' and DagRun ID: '${runId}' not found`, operation);
}

/** The task instance named by `{task_id}` of a run, or Airflow's 404. */
export function findTaskInstance(call: AirflowCall, run: DagRun, operation: string): TaskInstance | ServiceReply {
  const taskId = call.params.task_id!;
  return run.tasks.get(taskId) ?? notFound(call.version, `Task instance ${taskId} not found`, operation);
}

/** True when a lookup answered with an error instead of the entity. */
export function isReply(value: unknown): value is ServiceReply {
  return typeof value === 'object' && value !== null && 'response' in value && 'call' in value;
}

/** The DAG and run named by `{dag_id}` and `{dag_run_id}`, or the 404 of the first that is missing. */
export function findDagRun(call: AirflowCall, operation: string): { dag: Dag; run: DagRun } | ServiceReply {
  const dag = findDag(call, operation);
  if (isReply(dag)) return dag;
  const run = findRun(call, dag, operation);
  return isReply(run) ? run : { dag, run };
}

/** The DAG, run and task instance named by the path, or the 404 of the first that is missing. */
export function findTask(call: AirflowCall, operation: string): { dag: Dag; run: DagRun; ti: TaskInstance } | ServiceReply {
  const found = findDagRun(call, operation);
  if (isReply(found)) return found;
  const ti = findTaskInstance(call, found.run, operation);
  return isReply(ti) ? ti : { ...found, ti };
}
