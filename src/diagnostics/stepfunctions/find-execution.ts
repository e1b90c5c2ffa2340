import { DescribeExecutionCommand, ListExecutionsCommand, type DescribeExecutionCommandOutput, type ExecutionListItem, type ExecutionStatus, type SFNClient } from '@aws-sdk/client-sfn';
import type { Lookback } from './lookback';

/** Execution statuses that mean the execution failed. */
export const failedExecutionStatuses: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/** Statuses of an execution that has not ended: started, or redriven and running again. */
export const inProgressExecutionStatuses: readonly ExecutionStatus[] = ['RUNNING', 'PENDING_REDRIVE'];

/** What looking for the incident's execution found: the failed one, one still running (wait for it), or none. */
export type ExecutionSearch =
  | { kind: 'found'; execution: DescribeExecutionCommandOutput }
  | { kind: 'in-progress'; execution: ExecutionListItem }
  | { kind: 'none'; latest: ExecutionListItem | null };

const stoppedAt = (e: ExecutionListItem) => e.stopDate ?? e.startDate ?? new Date(0);
/** When an execution last did something: its redrive restarts it. */
const lastStarted = (e: ExecutionListItem) => (e.redriveDate && e.startDate && e.redriveDate > e.startDate ? e.redriveDate : (e.startDate ?? new Date(0)));

/** The newest execution of a state machine in any state (a redrive makes an old execution the newest again), or null. */
export async function latestExecution(sfn: SFNClient, stateMachineArn: string, signal?: AbortSignal): Promise<ExecutionListItem | null> {
  const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 50 }), { abortSignal: signal });
  const executions = [...(page.executions ?? [])].sort((a, b) => lastStarted(b).getTime() - lastStarted(a).getTime());
  return executions[0] ?? null;
}

/** True when the execution has not ended yet. */
export function isInProgress(execution: ExecutionListItem): boolean {
  return inProgressExecutionStatuses.includes(execution.status!);
}

/** `execution daily-2026-11-26 is RUNNING (redrive 1)`: an execution that has not ended, in words. */
export function describeRunning(execution: ExecutionListItem): string {
  const redriven = execution.redriveCount ? ` (redrive ${execution.redriveCount}, since ${execution.redriveDate?.toISOString()})` : ` (since ${execution.startDate?.toISOString()})`;
  return `execution ${execution.name} is ${execution.status}${redriven}`;
}

/** True when the execution stopped within the window. */
export function stoppedWithin(execution: ExecutionListItem, window: Lookback): boolean {
  return stoppedAt(execution) >= window.since;
}

/**
 * The incident's execution: the named one when `executionArn` is given, else the newest execution when it failed
 * within the window. A newest one still running is reported as such (its outcome is not known yet); a newest one
 * that succeeded means any earlier failure is behind it.
 */
export async function findFailedExecution(sfn: SFNClient, stateMachineArn: string, window: Lookback, executionArn?: string, signal?: AbortSignal): Promise<ExecutionSearch> {
  if (executionArn) return { kind: 'found', execution: await sfn.send(new DescribeExecutionCommand({ executionArn }), { abortSignal: signal }) };
  const latest = await latestExecution(sfn, stateMachineArn, signal);
  if (!latest?.executionArn) return { kind: 'none', latest: null };
  if (isInProgress(latest)) return { kind: 'in-progress', execution: latest };
  if (!failedExecutionStatuses.includes(latest.status!) || !stoppedWithin(latest, window)) return { kind: 'none', latest };
  return { kind: 'found', execution: await sfn.send(new DescribeExecutionCommand({ executionArn: latest.executionArn }), { abortSignal: signal }) };
}
