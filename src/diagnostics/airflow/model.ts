/** A DAG run, the same whichever API version reported it. */
export interface DagRun {
  dagId: string;
  runId: string;
  state: string;
  runType: string | null;
  /** Null for Airflow 3 runs without a logical date. */
  logicalDate: string | null;
  /** When the run became due: `run_after` (v2), else the logical or execution date (v1). */
  runAfter: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** A task instance of a DAG run. */
export interface TaskInstance {
  taskId: string;
  state: string | null;
  tryNumber: number;
  maxTries: number | null;
  mapIndex: number;
  operator: string | null;
  startDate: string | null;
  endDate: string | null;
  hostname: string | null;
}

/** One line of a task log. */
export interface LogLine {
  timestamp: string | null;
  /** Lower case (`error`), or null when the line carries none. */
  level: string | null;
  text: string;
}

/** A page of a task try's log. */
export interface TaskLog {
  lines: LogLine[];
  continuationToken: string | null;
  /** True when the client stopped reading at its byte limit. */
  truncated: boolean;
}
