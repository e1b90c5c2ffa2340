import { sandboxAccountId } from '../aws-json/account';
import { sandboxCredentials } from '../credentials';

const prefix = `arn:aws:states:${sandboxCredentials.region}:${sandboxAccountId}`;

/** A state machine's ARN. */
export function stateMachineArn(name: string): string {
  return `${prefix}:stateMachine:${name}`;
}

/** An execution's ARN. */
export function executionArn(stateMachine: string, execution: string): string {
  return `${prefix}:execution:${stateMachine}:${execution}`;
}

/** The state machine name of a state machine ARN of this sandbox, or null. */
export function parseStateMachineArn(arn: string): string | null {
  return arn.startsWith(`${prefix}:stateMachine:`) ? arn.slice(`${prefix}:stateMachine:`.length) : null;
}

/** The state machine and execution names of an execution ARN of this sandbox, or null. */
export function parseExecutionArn(arn: string): { stateMachine: string; execution: string } | null {
  const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:execution:([^:]+):([^:]+)$`).exec(arn);
  return match ? { stateMachine: match[1]!, execution: match[2]! } : null;
}
