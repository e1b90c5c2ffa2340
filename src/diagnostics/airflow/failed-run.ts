import type { AirflowClient } from '../../clients/airflow';
import type { WarnResult } from '../../model';
import { recentRuns, waitForDagRun } from './dag-runs';
import type { DagRun, TaskInstance } from './model';

/** The failed run to inspect and its task instances, or why there is none. */
export type FailedRunFocus =
  | { kind: 'none'; reason: string }
  /** The latest run has not ended (a cleared task runs again): the verdict says to wait for it. */
  | { kind: 'in-progress'; run: DagRun; wait: WarnResult }
  | { kind: 'failed'; run: DagRun; tasks: TaskInstance[]; failed: TaskInstance[]; upstreamFailed: TaskInstance[] };

/** The latest run when it failed (a failure that a later run already fixed is not the incident), with its failed tasks. */
export async function failedRunFocus(client: AirflowClient, dagId: string, limit: number): Promise<FailedRunFocus> {
  const { latest, latestFailed } = await recentRuns(client, dagId, limit);
  if (!latest) return { kind: 'none', reason: `DAG ${dagId} has no runs yet` };
  const wait = waitForDagRun(dagId, latest);
  if (wait) return { kind: 'in-progress', run: latest, wait };
  if (!latestFailed) return { kind: 'none', reason: `no failed run among the recent runs of ${dagId}` };
  if (latest.runId !== latestFailed.runId) return { kind: 'none', reason: `the latest run ${latest.runId} is ${latest.state}; the last failure (${latestFailed.runId}) is behind it` };
  const tasks = await client.listTaskInstances(dagId, latestFailed.runId);
  return {
    kind: 'failed',
    run: latestFailed,
    tasks,
    failed: tasks.filter((ti) => ti.state === 'failed'),
    upstreamFailed: tasks.filter((ti) => ti.state === 'upstream_failed'),
  };
}
