import { z } from 'zod';
import type { DagRun, LogLine, TaskInstance } from './model';

/** Raised when an Airflow response does not have the documented shape; names the first problems. */
export class MalformedAirflowResponseError extends Error {
  override name = 'MalformedAirflowResponseError';
  constructor(readonly what: string, readonly problems: string[]) {
    super(`unexpected Airflow ${what} response: ${problems.join('; ')}`);
  }
}

const date = z.string().nullish();

const dagRunSchema = z.object({
  dag_id: z.string(),
  dag_run_id: z.string(),
  state: z.string(),
  run_type: z.string().nullish(),
  logical_date: date,
  execution_date: date,
  run_after: date,
  start_date: date,
  end_date: date,
});

const taskInstanceSchema = z.object({
  task_id: z.string(),
  state: z.string().nullish(),
  try_number: z.number().int(),
  max_tries: z.number().int().nullish(),
  map_index: z.number().int().nullish(),
  operator: z.string().nullish(),
  start_date: date,
  end_date: date,
  hostname: z.string().nullish(),
});

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MalformedAirflowResponseError(what, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

/** Parses a DAGRunCollection (v1) or DAGRunCollectionResponse (v2). */
export function parseDagRuns(body: unknown): { runs: DagRun[]; totalEntries: number } {
  const parsed = parseWith(z.object({ dag_runs: z.array(dagRunSchema), total_entries: z.number().int() }), body, 'dagRuns');
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
  const parsed = parseWith(z.object({ task_instances: z.array(taskInstanceSchema), total_entries: z.number().int().nullish() }), body, 'taskInstances');
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
  const parsed = parseWith(z.object({ task_instances: z.array(z.object({ task_id: z.string(), dag_run_id: z.string() })) }), body, 'clearTaskInstances');
  return parsed.task_instances.map((ti) => ({ taskId: ti.task_id, runId: ti.dag_run_id }));
}

const textLine = /^\[(\d{4}-\d\d-\d\d[T ][\d:.,]+(?:[+-]\d{2}:?\d{2}|Z)?)\]\s+(?:\{[^}]*\}\s+)?(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s?(.*)$/;

/**
 * Splits Airflow 2's text log into records, reading the timestamp and level of `[ts] {file.py:1} LEVEL - text` lines.
 * A line without that prefix continues the record above it (a traceback, a multi-line dbt error), as v2's structured events do.
 */
export function parseTextLog(text: string): LogLine[] {
  const records: LogLine[] = [];
  let previous: LogLine | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.length === 0) continue;
    const match = textLine.exec(line);
    if (match) {
      previous = { timestamp: match[1]!, level: match[2]!.toLowerCase(), text: match[3]! };
      records.push(previous);
    } else if (previous) {
      previous.text += `\n${line}`;
    } else {
      records.push({ timestamp: null, level: null, text: line });
    }
  }
  return records;
}

/** Airflow 2.0–2.3 sends log content as a Python repr of (host, text) tuples: `[('worker', '…\\n…')]`. */
function unwrapTupleRepr(content: string): string {
  const match = /^\[\('(?:[^'\\]|\\.)*',\s*'((?:[^'\\]|\\.)*)'\)\]$/s.exec(content.trim());
  if (!match) return content;
  return match[1]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\'/g, "'").replace(/\\\\/g, '\\');
}

/** Parses a log response: v1's `content` string (or a tuple repr), or v2's list of structured messages or strings. */
export function parseLogContent(body: unknown): { lines: LogLine[]; continuationToken: string | null } {
  const parsed = parseWith(z.object({ content: z.union([z.string(), z.array(z.union([z.string(), z.record(z.string(), z.unknown())]))]), continuation_token: z.string().nullish() }), body, 'log');
  const token = parsed.continuation_token ?? null;
  if (typeof parsed.content === 'string') return { lines: parseTextLog(unwrapTupleRepr(parsed.content)), continuationToken: token };
  const lines: LogLine[] = [];
  for (const item of parsed.content) {
    if (typeof item === 'string') {
      lines.push(...parseTextLog(item));
      continue;
    }
    const event = typeof item.event === 'string' ? item.event : JSON.stringify(item);
    if (event.startsWith('::group::') || event === '::endgroup::') continue;
    lines.push({ timestamp: typeof item.timestamp === 'string' ? item.timestamp : null, level: typeof item.level === 'string' ? item.level.toLowerCase() : null, text: event });
  }
  return { lines, continuationToken: token };
}
