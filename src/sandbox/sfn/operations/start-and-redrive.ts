import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { epochSeconds } from '../../aws-json/protocol';
import type { SandboxStates } from '../../states';
import { executionArn } from '../arn';
import { findExecution, findStateMachine } from '../lookup';
import { redriveStatus } from '../redrive';

const startInput = z.object({
  stateMachineArn: z.string().min(1),
  name: z.string().regex(/^[\w-]{1,80}$/).optional(),
  input: z.string().max(256 * 1024).optional(),
  traceHeader: z.string().optional(),
});

/** StartExecution: a new RUNNING execution with the given input (mutating: the world changes). */
export const startExecution = jsonOperation<SandboxStates, typeof startInput>({
  input: startInput,
  mutates: true,
  permission: (input) => ({ action: 'states:StartExecution', resource: input.stateMachineArn }),
  run(input, env) {
    const lookup = findStateMachine(env.states.sfn, input.stateMachineArn);
    if ('missing' in lookup) return lookup.missing;
    const machine = lookup.found;
    const name = input.name ?? randomUUID();
    if (machine.executions.has(name)) return operationError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn(machine.name, name)}'`);
    let parsed: unknown = {};
    try {
      parsed = input.input ? JSON.parse(input.input) : {};
    } catch {
      return operationError('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not valid JSON');
    }
    const now = env.clock.now();
    machine.executions.set(name, {
      name,
      stateMachine: machine.name,
      spec: { status: 'RUNNING', startDate: now.toISOString(), input: parsed as never, path: [], redrivable: true, redriveCount: 0 },
      status: 'RUNNING',
      startDate: now,
      redriveCount: 0,
      appended: [],
    });
    return { body: { executionArn: executionArn(machine.name, name), startDate: epochSeconds(now) } };
  },
});

const redriveInput = z.object({ executionArn: z.string().min(1), clientToken: z.string().optional() });

/** RedriveExecution: restarts a failed execution from its failed state (mutating); ExecutionNotRedrivable otherwise. */
export const redriveExecution = jsonOperation<SandboxStates, typeof redriveInput>({
  input: redriveInput,
  mutates: true,
  permission: (input) => ({ action: 'states:RedriveExecution', resource: input.executionArn }),
  run(input, env) {
    const lookup = findExecution(env.states.sfn, input.executionArn);
    if ('missing' in lookup) return lookup.missing;
    const { execution } = lookup.found;
    const now = env.clock.now();
    const status = redriveStatus(execution, now);
    if (status.redriveStatus !== 'REDRIVABLE') return operationError('ExecutionNotRedrivable', `Execution is not redrivable: ${status.redriveStatusReason}`);
    execution.status = 'RUNNING';
    execution.redriveCount += 1;
    execution.redriveDate = now;
    delete execution.stopDate;
    execution.appended.push({ type: 'ExecutionRedriven', details: { redriveCount: execution.redriveCount }, at: now });
    return { body: { redriveDate: epochSeconds(now) } };
  },
});
