import { z } from 'zod';

const taskStates = ['success', 'running', 'failed', 'upstream_failed', 'skipped', 'up_for_retry', 'up_for_reschedule', 'queued', 'scheduled', 'removed', 'deferred', 'restarting'] as const;

const logLineSchema = z.strictObject({
  at: z.iso.datetime(),
  level: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']).default('INFO'),
  /** The module and line that logged it, as Airflow 2's text format shows it (`subprocess.py:93`). */
  source: z.string().default('subprocess.py:93'),
  event: z.string(),
});

const taskInstanceSchema = z.strictObject({
  state: z.enum(taskStates).nullable(),
  tryNumber: z.number().int().nonnegative().default(1),
  maxTries: z.number().int().nonnegative().default(1),
  startDate: z.iso.datetime().nullable().default(null),
  endDate: z.iso.datetime().nullable().default(null),
  hostname: z.string().default('airflow-worker-0'),
  /** Log lines per try number (`"1": [...]`). */
  logs: z.record(z.string().regex(/^\d+$/), z.array(logLineSchema)).default({}),
});

const dagRunSchema = z.strictObject({
  runType: z.enum(['scheduled', 'manual', 'backfill', 'asset_triggered']).default('scheduled'),
  state: z.enum(['queued', 'running', 'success', 'failed']),
  /** Null for a run without a logical date (Airflow 3 allows it). */
  logicalDate: z.iso.datetime().nullable(),
  runAfter: z.iso.datetime(),
  startDate: z.iso.datetime().nullable().default(null),
  endDate: z.iso.datetime().nullable().default(null),
  tasks: z.record(z.string(), taskInstanceSchema).default({}),
});

const dagSchema = z.strictObject({
  isPaused: z.boolean().default(false),
  description: z.string().nullable().default(null),
  /** The schedule as written in the DAG file: a cron expression or a preset (`@daily`), or null for none. */
  schedule: z.string().nullable().default('@daily'),
  tags: z.array(z.string()).default([]),
  owners: z.array(z.string()).default(['airflow']),
  catchup: z.boolean().default(false),
  startDate: z.iso.datetime().nullable().default(null),
  maxActiveRuns: z.number().int().positive().default(16),
  maxActiveTasks: z.number().int().positive().default(16),
  /** Task id → its operator and the tasks it waits for. */
  tasks: z.record(z.string(), z.strictObject({ operator: z.string(), upstream: z.array(z.string()).default([]) })),
  /** Runs by a label; the run id is derived (`scheduled__<logical date>`). */
  runs: z.record(z.string(), dagRunSchema).default({}),
});

/** The airflow section of a world: credentials the API accepts, DAGs, their runs, task instances and logs. */
export const airflowSectionSchema = z.strictObject({
  users: z.record(z.string(), z.strictObject({ password: z.string() })).default({}),
  tokens: z.array(z.string()).default([]),
  dags: z.record(z.string(), dagSchema).default({}),
});

/** A task instance in the sandbox. */
export type TaskInstance = z.infer<typeof taskInstanceSchema> & { taskId: string };
/** One log line of a task try. */
export type LogLine = z.infer<typeof logLineSchema>;
/** A DAG run in the sandbox. */
export type DagRun = Omit<z.infer<typeof dagRunSchema>, 'tasks'> & { dagId: string; runId: string; tasks: Map<string, TaskInstance> };
/** A DAG in the sandbox. */
export type Dag = Omit<z.infer<typeof dagSchema>, 'runs'> & { dagId: string; runs: DagRun[] };

/** The simulated Airflow deployment. */
export interface AirflowState {
  users: Record<string, { password: string }>;
  tokens: string[];
  dags: Map<string, Dag>;
  /** When the dag processor last parsed the DAG files: a minute before the world loaded. */
  parsedAt: string;
}

/** A time as Airflow writes it in run ids: `2026-11-25T00:10:17.780000+00:00`. */
export function airflowTimestamp(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000+00:00').replace(/Z$/, '+00:00');
}

/** Builds the Airflow state from a world's airflow section. */
export function loadAirflowState(section: unknown, now: Date = new Date()): AirflowState {
  const parsed = airflowSectionSchema.parse(section ?? {});
  const dags = new Map<string, Dag>();
  for (const [dagId, dag] of Object.entries(parsed.dags)) {
    const runs = Object.values(dag.runs).map((run) => ({
      ...run,
      dagId,
      runId: `${run.runType}__${airflowTimestamp(run.logicalDate ?? run.runAfter)}`,
      tasks: new Map(Object.entries(run.tasks).map(([taskId, ti]) => [taskId, { ...ti, taskId }])),
    }));
    dags.set(dagId, { ...dag, dagId, runs });
  }
  return { users: parsed.users, tokens: parsed.tokens, dags, parsedAt: new Date(now.getTime() - 60_000).toISOString() };
}
