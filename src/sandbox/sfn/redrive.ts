import type { Execution } from './state';

/** How long after it stopped an execution may be redriven. */
export const redriveWindowMs = 14 * 24 * 3_600_000;

/** Whether an execution can be redriven now, and why not, as DescribeExecution reports it. */
export function redriveStatus(execution: Execution, now: Date): { redriveStatus: 'REDRIVABLE' | 'NOT_REDRIVABLE'; redriveStatusReason?: string } {
  if (!['FAILED', 'ABORTED', 'TIMED_OUT'].includes(execution.status)) {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${execution.status} and cannot be redriven` };
  }
  if (!execution.spec.redrivable) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'The state machine definition was updated after the execution started' };
  if (execution.stopDate && now.getTime() - execution.stopDate.getTime() > redriveWindowMs) {
    return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution redrive period expired' };
  }
  return { redriveStatus: 'REDRIVABLE' };
}
