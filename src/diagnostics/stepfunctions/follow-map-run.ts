import { ListExecutionsCommand, SFNServiceException, type SFNClient } from '@aws-sdk/client-sfn';
import { findFailedState, type FailedState } from './failed-state';
import type { EventLike } from './history-walk';
import { readHistory } from './read-history';

/**
 * A distributed Map's history shows only `MapRunFailed` (`States.ExceedToleratedFailureThreshold`): the
 * task's own error, cause and Glue run are in a failed child execution of the Map Run. Reads the first
 * failed child's history and answers with its failed state, inside the Map; keeps the Map Run's failure,
 * with a note, when the children cannot be listed (Express children are not) or none failed.
 */
export async function followMapRun(sfn: SFNClient, failed: FailedState, signal?: AbortSignal): Promise<FailedState> {
  const run = failed.mapRun;
  if (!run) return failed;
  const noted = (note: string): FailedState => ({ ...failed, mapRun: { ...run, note } });
  let child;
  try {
    const page = await sfn.send(new ListExecutionsCommand({ mapRunArn: run.arn, statusFilter: 'FAILED', maxResults: 1 }), { abortSignal: signal });
    child = page.executions?.[0]?.executionArn;
  } catch (error) {
    if (error instanceof SFNServiceException) return noted(`the Map Run's child executions could not be listed (${error.name}: ${error.message})`);
    throw error;
  }
  if (!child) return noted('no failed child execution is listed for the Map Run');
  const inner = findFailedState((await readHistory(sfn, child, signal)).events);
  if (!inner) return noted(`child execution ${child} shows no failure in its history`);
  const map = { state: failed.state ?? '(Map)', type: 'Map', attempts: failed.attempts };
  return { ...inner, enclosing: [...failed.enclosing, map, ...inner.enclosing], mapRun: { arn: run.arn, childExecutionArn: child, note: null } };
}

/** The failed state of an execution's history, followed into a distributed Map's failed child execution. */
export async function failedStateOf(sfn: SFNClient, events: readonly EventLike[], signal?: AbortSignal): Promise<FailedState | null> {
  const failed = findFailedState(events);
  return failed ? followMapRun(sfn, failed, signal) : null;
}
