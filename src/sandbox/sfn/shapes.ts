import { epochSeconds } from '../aws-json/protocol';
import { executionArn, stateMachineArn } from './arn';
import type { Execution } from './state';

/** An execution as ListExecutions lists it. */
export function executionListItem(execution: Execution): Record<string, unknown> {
  return {
    executionArn: executionArn(execution.stateMachine, execution.name),
    stateMachineArn: stateMachineArn(execution.stateMachine),
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    ...(execution.stopDate ? { stopDate: epochSeconds(execution.stopDate) } : {}),
    ...(execution.redriveCount ? { redriveCount: execution.redriveCount } : {}),
    ...(execution.redriveDate ? { redriveDate: epochSeconds(execution.redriveDate) } : {}),
  };
}
