import { warn } from '../../check-api';
import type { AirflowClient } from '../../clients/airflow';
import type { ConsoleLink, WarnResult } from '../../model';
import type { DagRun } from './model';

/** The recent runs of a DAG: the newest of all, and the newest failed one (either may be absent). */
export interface RecentRuns {
  latest: DagRun | null;
  latestFailed: DagRun | null;
  /** Runs that finished successfully after the latest failure: the incident may already be over. */
  succeededSince: DagRun[];
  searched: number;
}

const runTime = (run: DagRun) => run.runAfter ?? run.startDate ?? '';

/** Reads the newest `limit` runs of a DAG and finds the latest failure among them. */
export async function recentRuns(client: AirflowClient, dagId: string, limit: number): Promise<RecentRuns> {
  const runs = (await client.listDagRuns(dagId, { limit })).sort((a, b) => runTime(b).localeCompare(runTime(a)));
  const latestFailed = runs.find((run) => run.state === 'failed') ?? null;
  const succeededSince = latestFailed ? runs.filter((run) => run.state === 'success' && runTime(run) > runTime(latestFailed)) : [];
  return { latest: runs[0] ?? null, latestFailed, succeededSince, searched: runs.length };
}

/** The verdict for a run that has not ended (`run X of DAG is queued: wait for it`), or null when it has. */
export function waitForDagRun(dagId: string, run: DagRun, links: ConsoleLink[] = []): WarnResult | null {
  if (run.state !== 'queued' && run.state !== 'running') return null;
  return warn(`the latest run of ${dagId} (${run.runId}) is ${run.state}: wait for it; its outcome is not known yet`, { links, evidence: [{ label: 'latest run', value: describeRun(run) }] });
}

/** A run as evidence. */
export function describeRun(run: DagRun): Record<string, string | null> {
  return { runId: run.runId, state: run.state, runType: run.runType, logicalDate: run.logicalDate, runAfter: run.runAfter, startDate: run.startDate, endDate: run.endDate };
}

/** The failed try of a task instance: its try number, or the last one when Airflow already counted the next try. */
export function failedTry(tryNumber: number): number {
  return Math.max(1, tryNumber);
}
