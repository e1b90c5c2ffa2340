import { operationError, type OperationResult } from '../aws-json/operations';
import { parseExecutionArn, parseStateMachineArn } from './arn';
import type { Execution, SfnState, StateMachine } from './state';

/** A found resource, or the error result Step Functions answers when it does not exist. */
export type Found<T> = { found: T } | { missing: OperationResult };

/** The state machine an ARN names, or StateMachineDoesNotExist. */
export function findStateMachine(state: SfnState, arn: string): Found<StateMachine> {
  const name = parseStateMachineArn(arn);
  const machine = name ? state.stateMachines.get(name) : undefined;
  if (!name) return { missing: operationError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`) };
  return machine ? { found: machine } : { missing: operationError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`) };
}

/** The execution an ARN names (with its state machine), or ExecutionDoesNotExist. */
export function findExecution(state: SfnState, arn: string): Found<{ machine: StateMachine; execution: Execution }> {
  const names = parseExecutionArn(arn);
  if (!names) return { missing: operationError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`) };
  const machine = state.stateMachines.get(names.stateMachine);
  const execution = machine?.executions.get(names.execution);
  return machine && execution ? { found: { machine, execution } } : { missing: operationError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`) };
}
