import type { AirflowCall, AirflowOperation } from '../call';
import { findDag, isReply } from '../lookup';
import { reply } from '../replies';
import type { Dag } from '../state';

/** Where Airflow's standard operators live, for a task's `class_ref`. */
const operatorModules: Record<string, string> = {
  BashOperator: 'airflow.providers.standard.operators.bash',
  PythonOperator: 'airflow.providers.standard.operators.python',
  SqlSensor: 'airflow.providers.common.sql.sensors.sql',
  EmptyOperator: 'airflow.providers.standard.operators.empty',
};

/** The tasks that list a task among their upstream, sorted as Airflow sorts `downstream_task_ids`. */
function downstreamOf(dag: Dag, taskId: string): string[] {
  return Object.entries(dag.tasks)
    .filter(([, task]) => task.upstream.includes(taskId))
    .map(([id]) => id)
    .sort();
}

/** One task of a DAG as `GET /dags/{dag_id}/tasks` lists it, in the version's field set (v1 Task, v2 TaskResponse). */
function taskJson(call: AirflowCall, dag: Dag, taskId: string) {
  const { operator } = dag.tasks[taskId]!;
  const common = {
    task_id: taskId,
    task_display_name: taskId,
    owner: dag.owners[0] ?? 'airflow',
    start_date: dag.startDate,
    end_date: null,
    trigger_rule: 'all_success',
    extra_links: [],
    depends_on_past: false,
    wait_for_downstream: false,
    retries: 0,
    queue: 'default',
    pool: 'default_pool',
    pool_slots: 1,
    execution_timeout: null,
    retry_delay: { __type: 'TimeDelta', days: 0, seconds: 300, microseconds: 0 },
    priority_weight: 1,
    weight_rule: 'downstream',
    ui_color: '#fff',
    ui_fgcolor: '#000',
    template_fields: [],
    downstream_task_ids: downstreamOf(dag, taskId),
    doc_md: null,
    is_mapped: false,
    class_ref: { class_name: operator, module_path: operatorModules[operator] ?? 'airflow.models.baseoperator' },
  };
  // Airflow 2 writes retry_exponential_backoff as a boolean; Airflow 3's TaskResponse declares a number.
  return call.version === 'v1' ? { ...common, retry_exponential_backoff: false, sub_dag: null, executor: null } : { ...common, retry_exponential_backoff: 0, operator_name: operator, params: {} };
}

/** `GET /dags/{dag_id}/tasks`: every task of the DAG with its downstream tasks, sorted by task id (`order_by` defaults to task_id). */
export const listTasks: AirflowOperation = (call) => {
  const dag = findDag(call, 'GetTasks');
  if (isReply(dag)) return dag;
  const tasks = Object.keys(dag.tasks)
    .sort()
    .map((taskId) => taskJson(call, dag, taskId));
  // Airflow 2's TaskCollection has no total_entries; Airflow 3's TaskCollectionResponse requires it.
  return reply(200, call.version === 'v1' ? { tasks } : { tasks, total_entries: tasks.length }, 'GetTasks');
};
