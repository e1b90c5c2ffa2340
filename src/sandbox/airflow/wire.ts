import { dagVersionJson } from './dag-wire';
import { stableUuid } from './stable-uuid';
import type { Dag, DagRun, LogLine, TaskInstance } from './state';

/** The API version a request came in on. */
export type ApiVersion = 'v1' | 'v2';

const duration = (start: string | null, end: string | null) => (start && end ? (new Date(end).getTime() - new Date(start).getTime()) / 1000 : null);

/** A DAG run as the API version writes it (v1 has execution_date; v2 has run_after and a nullable logical_date). */
export function dagRunJson(run: DagRun, version: ApiVersion): Record<string, unknown> {
  const common = {
    dag_id: run.dagId, dag_run_id: run.runId, logical_date: run.logicalDate, start_date: run.startDate, end_date: run.endDate,
    data_interval_start: run.logicalDate, data_interval_end: run.runAfter, last_scheduling_decision: run.endDate, run_type: run.runType,
    state: run.state, conf: {}, note: null,
  };
  if (version === 'v1') return { ...common, execution_date: run.logicalDate ?? run.runAfter, external_trigger: run.runType === 'manual' };
  return {
    ...common, run_after: run.runAfter, queued_at: run.startDate, duration: duration(run.startDate, run.endDate), triggered_by: run.runType === 'manual' ? 'rest_api' : 'timetable',
    triggering_user_name: null, dag_versions: [dagVersionJson(run.dagId, run.runAfter)],
    bundle_version: null, dag_display_name: run.dagId, partition_key: null,
  };
}

/** A task instance as the API version writes it. */
export function taskInstanceJson(dag: Dag, run: DagRun, ti: TaskInstance, version: ApiVersion): Record<string, unknown> {
  const common = {
    task_id: ti.taskId, dag_id: run.dagId, dag_run_id: run.runId, start_date: ti.startDate, end_date: ti.endDate, duration: duration(ti.startDate, ti.endDate),
    state: ti.state, try_number: ti.tryNumber, max_tries: ti.maxTries, map_index: -1, hostname: ti.hostname, unixname: 'airflow', pool: 'default_pool', pool_slots: 1,
    queue: 'default', priority_weight: 1, operator: dag.tasks[ti.taskId]?.operator ?? null, queued_when: ti.startDate, pid: null, executor: null, executor_config: '{}',
    note: null, rendered_map_index: null, rendered_fields: {}, trigger: null, triggerer_job: null, task_display_name: ti.taskId,
  };
  if (version === 'v1') return { ...common, execution_date: run.logicalDate ?? run.runAfter, sla_miss: null };
  return {
    ...common, id: stableUuid(`task-instance:${run.dagId}:${run.runId}:${ti.taskId}:-1`), logical_date: run.logicalDate, run_after: run.runAfter, scheduled_when: ti.startDate,
    operator_name: common.operator, dag_version: dagVersionJson(run.dagId, run.runAfter), dag_display_name: run.dagId,
  };
}

/** Airflow 2's text log line: `[2026-11-25T10:00:00.000+0000] {subprocess.py:93} INFO - message`. */
export function textLogLine(line: LogLine): string {
  return `[${line.at.replace('Z', '+0000')}] {${line.source}} ${line.level} - ${line.event}`;
}

/** Airflow 3's structured log message. */
export function structuredLogLine(line: LogLine): Record<string, unknown> {
  return { timestamp: line.at, event: line.event, level: line.level.toLowerCase(), logger: line.source.split('.')[0] };
}

/** An error body as the API version writes it: RFC 7807 for v1, `{ detail }` for v2. */
export function errorJson(status: number, title: string, detail: string, version: ApiVersion): Record<string, unknown> {
  if (version === 'v2') return { detail };
  return { type: `https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/${title.replaceAll(' ', '')}`, title, status, detail };
}
