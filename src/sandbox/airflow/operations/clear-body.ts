import { z } from 'zod';
import type { ApiVersion } from '../wire';

const date = z.iso.datetime({ offset: true }).nullable().optional();
const flag = z.boolean().optional();

/** Airflow 2's ClearTaskInstances body (marshmallow refuses unknown fields). */
const v1Body = z.strictObject({
  dag_run_id: z.string().nullable().optional(), dry_run: flag, start_date: date, end_date: date, only_failed: flag, only_running: flag,
  include_subdags: flag, include_parentdag: flag, include_upstream: flag, include_downstream: flag, include_future: flag, include_past: flag,
  reset_dag_runs: flag, task_ids: z.array(z.string()).min(1).optional(),
});

/** Airflow 3's ClearTaskInstancesBody (`additionalProperties: false`); task ids may be `[task_id, map_index]` pairs. */
const v2Body = z.strictObject({
  dag_run_id: z.string().nullable().optional(), dry_run: flag, start_date: date, end_date: date, only_failed: flag, only_running: flag,
  include_upstream: flag, include_downstream: flag, include_future: flag, include_past: flag, reset_dag_runs: flag, prevent_running_task: flag,
  run_on_latest_version: flag, task_ids: z.array(z.union([z.string(), z.tuple([z.string(), z.number().int()])])).nullable().optional(),
});

/** A clear request with the defaults both versions apply (a dry run of failed task instances unless told otherwise). */
export interface ClearBody {
  dagRunId: string | null;
  dryRun: boolean;
  onlyFailed: boolean;
  includeDownstream: boolean;
  taskIds: string[] | null;
}

/** The body parsed for the API version, or the validation issues to answer with. */
export function parseClearBody(raw: unknown, version: ApiVersion): { body: ClearBody } | { issues: z.core.$ZodIssue[] } {
  const parsed = (version === 'v1' ? v1Body : v2Body).safeParse(raw);
  if (!parsed.success) return { issues: parsed.error.issues };
  const data = parsed.data;
  return {
    body: {
      dagRunId: data.dag_run_id ?? null,
      dryRun: data.dry_run ?? true,
      onlyFailed: data.only_failed ?? true,
      includeDownstream: data.include_downstream ?? false,
      taskIds: data.task_ids?.map((id) => (typeof id === 'string' ? id : id[0])) ?? null,
    },
  };
}
