import type { AirflowOperation } from '../call';
import { findDagRun, findTask, isReply } from '../lookup';
import { paginate } from '../page';
import { reply } from '../replies';
import { taskInstanceJson } from '../wire';

/**
 * `GET /dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances`: the run's task instances, filtered by `state`, paged.
 * An unknown DAG or run is a 404 on v2; Airflow 2 filters by the ids and answers an empty list.
 */
export const listTaskInstances: AirflowOperation = (call) => {
  const found = findDagRun(call, 'GetTaskInstances');
  if (isReply(found) && call.version === 'v2') return found;
  const query = call.request.url.searchParams;
  const states = query.getAll('state').flatMap((s) => s.split(',')).filter(Boolean);
  const context = isReply(found) ? null : found;
  const instances = context ? [...context.run.tasks.values()] : [];
  const matching = instances.filter((ti) => !states.length || states.includes(ti.state ?? 'none'));
  const page = paginate(matching, query, call.version, 'GetTaskInstances');
  if ('refused' in page) return page.refused;
  const json = context ? page.items.map((ti) => taskInstanceJson(context.dag, context.run, ti, call.version)) : [];
  return reply(200, { task_instances: json, total_entries: page.total }, 'GetTaskInstances');
};

/** `GET /dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}`. */
export const getTaskInstance: AirflowOperation = (call) => {
  const found = findTask(call, 'GetTaskInstance');
  return isReply(found) ? found : reply(200, taskInstanceJson(found.dag, found.run, found.ti, call.version), 'GetTaskInstance');
};
