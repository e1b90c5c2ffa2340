import { DescribeExecutionCommand, ListExecutionsCommand, type DescribeExecutionCommandOutput, type ExecutionListItem, type ExecutionStatus, type SFNClient } from '@aws-sdk/client-sfn';
import type { Lookback } from './lookback';

/** Execution statuses that mean the execution failed. */
export const failedExecutionStatuses: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/** What looking for the incident's execution found. */
export type ExecutionSearch = { kind: 'found'; execution: DescribeExecutionCommandOutput } | { kind: 'none' };

const stoppedAt = (e: ExecutionListItem) => e.stopDate ?? e.startDate ?? new Date(0);

/**
 * The incident's execution: the named one when `executionArn` is given, else the most recent FAILED,
 * TIMED_OUT or ABORTED execution that stopped within the window (one ListExecutions call per status, newest first).
 */
export async function findFailedExecution(sfn: SFNClient, stateMachineArn: string, window: Lookback, executionArn?: string, signal?: AbortSignal): Promise<ExecutionSearch> {
  if (executionArn) return { kind: 'found', execution: await sfn.send(new DescribeExecutionCommand({ executionArn }), { abortSignal: signal }) };
  const candidates: ExecutionListItem[] = [];
  for (const statusFilter of failedExecutionStatuses) {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter, maxResults: 20 }), { abortSignal: signal });
    candidates.push(...(page.executions ?? []).filter((e) => stoppedAt(e) >= window.since));
  }
  const newest = candidates.sort((a, b) => stoppedAt(b).getTime() - stoppedAt(a).getTime())[0];
  if (!newest?.executionArn) return { kind: 'none' };
  return { kind: 'found', execution: await sfn.send(new DescribeExecutionCommand({ executionArn: newest.executionArn }), { abortSignal: signal }) };
}

/** The most recent execution that finished (any status) within the window, or null; RUNNING ones are skipped. */
export async function latestFinishedExecution(sfn: SFNClient, stateMachineArn: string, window: Lookback, signal?: AbortSignal): Promise<{ latest: ExecutionListItem | null; running: number }> {
  const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 50 }), { abortSignal: signal });
  const executions = page.executions ?? [];
  const running = executions.filter((e) => e.status === 'RUNNING' || e.status === 'PENDING_REDRIVE').length;
  const finished = executions.filter((e) => e.status !== 'RUNNING' && e.status !== 'PENDING_REDRIVE' && stoppedAt(e) >= window.since);
  finished.sort((a, b) => stoppedAt(b).getTime() - stoppedAt(a).getTime());
  return { latest: finished[0] ?? null, running };
}
