import { nextDagRun, timetableDescription } from './schedule';
import { stableUuid } from './stable-uuid';
import type { Dag } from './state';
import type { ApiVersion } from './wire';

const fileloc = (dag: Dag) => `/opt/airflow/dags/${dag.dagId}.py`;
const fileToken = (dag: Dag) => Buffer.from(JSON.stringify(fileloc(dag))).toString('base64url');

/** The DAG's one serialized version (Airflow 3's DagVersionResponse). */
export function dagVersionJson(dagId: string, createdAt: string): Record<string, unknown> {
  return { id: stableUuid(`dag-version:${dagId}:1`), version_number: 1, dag_id: dagId, bundle_name: 'dags-folder', bundle_version: null, created_at: createdAt, dag_display_name: dagId, bundle_url: null };
}

/** A DAG as `GET /dags` lists it and `GET /dags/{dag_id}` returns it: Airflow 2's DAG or Airflow 3's DAGResponse. */
export function dagJson(dag: Dag, version: ApiVersion, parsedAt: string): Record<string, unknown> {
  const next = nextDagRun(dag);
  const common = {
    dag_id: dag.dagId, dag_display_name: dag.dagId, is_paused: dag.isPaused, description: dag.description, fileloc: fileloc(dag), file_token: fileToken(dag),
    owners: dag.owners, timetable_description: timetableDescription(dag), last_expired: null, last_parsed_time: parsedAt,
    max_active_tasks: dag.maxActiveTasks, max_active_runs: dag.maxActiveRuns, max_consecutive_failed_dag_runs: 0, has_task_concurrency_limits: false, has_import_errors: false,
    next_dagrun_data_interval_start: next?.intervalStart ?? null, next_dagrun_data_interval_end: next?.intervalEnd ?? null,
  };
  if (version === 'v1') {
    return {
      ...common, root_dag_id: null, is_active: true, is_subdag: false, last_pickled: null, scheduler_lock: null, pickle_id: null, default_view: 'grid',
      schedule_interval: dag.schedule ? { __type: 'CronExpression', value: dag.schedule } : null, tags: dag.tags.map((name) => ({ name })),
      next_dagrun: next?.logicalDate ?? null, next_dagrun_create_after: next?.runAfter ?? null,
    };
  }
  return {
    ...common, is_stale: false, last_parse_duration: 0.12, bundle_name: 'dags-folder', bundle_version: null, relative_fileloc: `${dag.dagId}.py`,
    timetable_summary: dag.schedule, timetable_partitioned: false, allowed_run_types: null, tags: dag.tags.map((name) => ({ name, dag_id: dag.dagId, dag_display_name: dag.dagId })),
    next_dagrun_logical_date: next?.logicalDate ?? null, next_dagrun_run_after: next?.runAfter ?? null,
  };
}

/** A DAG with its details, as `GET /dags/{dag_id}/details` returns it (DAGDetail / DAGDetailsResponse). */
export function dagDetailsJson(dag: Dag, version: ApiVersion, parsedAt: string): Record<string, unknown> {
  const details = {
    catchup: dag.catchup, concurrency: dag.maxActiveTasks, doc_md: null, end_date: null, is_paused_upon_creation: null, last_parsed: parsedAt,
    params: {}, render_template_as_native_obj: false, start_date: dag.startDate, template_search_path: null,
  };
  if (version === 'v1') return { ...dagJson(dag, version, parsedAt), ...details, dag_run_timeout: null, dataset_expression: null, orientation: 'LR', timezone: "Timezone('UTC')" };
  const firstRun = dag.runs.map((run) => run.runAfter).sort()[0] ?? parsedAt;
  return {
    ...dagJson(dag, version, parsedAt), ...details, dag_run_timeout: null, asset_expression: null, default_args: { owner: dag.owners[0] ?? 'airflow' }, owner_links: {},
    is_favorite: false, timezone: 'UTC', active_runs_count: dag.runs.filter((run) => run.state === 'running' || run.state === 'queued').length,
    latest_dag_version: dagVersionJson(dag.dagId, firstRun),
  };
}
