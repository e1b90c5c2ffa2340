import type { ServiceHandler } from '../core/service';
import { serveJsonOperations, type JsonOperation } from '../aws-json/operations';
import type { SandboxStates } from '../states';
import { describeStateMachineForExecution } from './operations/describe-state-machine-for-execution';
import { describeExecution, getExecutionHistory, listExecutions } from './operations/executions';
import { redriveExecution, startExecution } from './operations/start-and-redrive';
import { describeStateMachine, listStateMachines } from './operations/state-machines';

const operations: Record<string, JsonOperation<SandboxStates>> = {
  ListStateMachines: listStateMachines,
  DescribeStateMachine: describeStateMachine,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  ListExecutions: listExecutions,
  DescribeExecution: describeExecution,
  GetExecutionHistory: getExecutionHistory,
  StartExecution: startExecution,
  RedriveExecution: redriveExecution,
};

/** The simulated Step Functions, awsJson1_0: state machines, executions with histories, start and redrive. */
export const handler: ServiceHandler<SandboxStates> = {
  handle: async (request, env) => serveJsonOperations({ version: '1.0', invalidTokenType: 'InvalidToken' }, operations, request, env),
};
