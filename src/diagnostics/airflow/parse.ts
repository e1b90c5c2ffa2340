import { z } from 'zod';
import { builtOnce } from '../../util/built-once';
import type { DagRun, TaskInstance } from './model';

/** Raised when an Airflow response does not have the documented shape; names the first problems. */
export class MalformedAirflowResponseError extends Error {
  override name = 'MalformedAirflowResponseError';
  constructor(readonly what: string, readonly problems: string[]) {
    super(`unexpected Airflow ${what} response: ${problems.join('; ')}`);
  }
}

const date = () => z.string().nullish();

const dagRunSchema = builtOnce(() =>
  z.object({
    dag_id: z.string(),
    dag_run_id: z.string(),
    state: z.string(),
    run_type: z.string().nullish(),
    logical_date: date(),
    execution_date: date(),
    run_after: date(),
    start_date: date(),
    end_date: date(),
  }),
);

const taskInstanceSchema = builtOnce(() =>
  z.object({
    task_id: z.string(),
    state: z.string().nullish(),
    try_number: z.number().int(),
    max_tries: z.number().int().nullish(),
    map_index: z.number().int().nullish(),
    operator: z.string().nullish(),
    start_date: date(),
    end_date: date(),
    hostname: z.string().nullish(),
  }),
);

const dagRunCollection = builtOnce(() => z.object({ dag_runs: z.array(dagRunSchema()), total_entries: z.number().int() }));
const taskInstanceCollection = builtOnce(() => z.object({ task_instances: z.array(taskInstanceSchema()), total_entries: z.number().int().nullish() }));
const clearedTaskInstances = builtOnce(() => z.object({ task_instances: z.array(z.object({ task_id: z.string(), dag_run_id: z.string() })) }));

/** Parses a response with its schema; a mismatch is a MalformedAirflowResponseError naming the first problems. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MalformedAirflowResponseError(what, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

/** Parses a DAGRunCollection (v1) or DAGRunCollectionResponse (v2). */
export function parseDagRuns(body: unknown): { runs: DagRun[]; totalEntries: number } {
  const parsed = parseWith(dagRunCollection(), body, 'dagRuns');
  return {
    totalEntries: parsed.total_entries,
    runs: parsed.dag_runs.map((run) => ({
      dagId: run.dag_id,
      runId: run.dag_run_id,
      state: run.state,
      runType: run.run_type ?? null,
      logicalDate: run.logical_date ?? run.execution_date ?? null,
      runAfter: run.run_after ?? run.logical_date ?? run.execution_date ?? run.start_date ?? null,
      startDate: run.start_date ?? null,
      endDate: run.end_date ?? null,
    })),
  };
}

/** Parses a TaskInstanceCollection (v1) or TaskInstanceCollectionResponse (v2). */
export function parseTaskInstances(body: unknown): TaskInstance[] {
  return parseTaskInstancePage(body).instances;
}

/** Parses one page of task instances, with the collection's `total_entries` when the API reports it. */
export function parseTaskInstancePage(body: unknown): { instances: TaskInstance[]; totalEntries: number | null } {
  const parsed = parseWith(taskInstanceCollection(), body, 'taskInstances');
  const instances = parsed.task_instances.map((ti) => ({
    taskId: ti.task_id,
    state: ti.state ?? null,
    tryNumber: ti.try_number,
    maxTries: ti.max_tries ?? null,
    mapIndex: ti.map_index ?? -1,
    operator: ti.operator ?? null,
    startDate: ti.start_date ?? null,
    endDate: ti.end_date ?? null,
    hostname: ti.hostname ?? null,
  }));
  return { instances, totalEntries: parsed.total_entries ?? null };
}

/** Parses the task references a clearTaskInstances call returns (v1: references, v2: task instances). */
export function parseClearedTasks(body: unknown): Array<{ taskId: string; runId: string }> {
  const parsed = parseWith(clearedTaskInstances(), body, 'clearTaskInstances');
  return parsed.task_instances.map((ti) => ({ taskId: ti.task_id, runId: ti.dag_run_id }));
}
