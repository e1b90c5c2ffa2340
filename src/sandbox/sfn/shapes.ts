import { epochSeconds } from '../aws-json/protocol';
import { executionArn, stateMachineArn } from './arn';
import type { Execution, StateMachine } from './state';

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

/** What DescribeStateMachine and DescribeStateMachineForExecution both tell of a machine: its definition (a JSON string, as AWS sends it), role and settings. */
export function machineSettings(machine: StateMachine): Record<string, unknown> {
  return {
    definition: JSON.stringify(machine.definition, null, 2),
    roleArn: machine.roleArn,
    loggingConfiguration: {
      level: machine.logging.level,
      includeExecutionData: machine.logging.includeExecutionData,
      ...(machine.logging.logGroupArn ? { destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: machine.logging.logGroupArn } }] } : {}),
    },
    tracingConfiguration: { enabled: false },
  };
}
