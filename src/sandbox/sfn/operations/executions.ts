import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import { epochSeconds } from '../../aws-json/protocol';
import type { SandboxStates } from '../../states';
import { executionArn, stateMachineArn } from '../arn';
import { executionHistory, executionOutcome } from '../history';
import { findExecution, findStateMachine } from '../lookup';
import { redriveStatus } from '../redrive';
import { executionListItem } from '../shapes';

const statuses = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;
const listInput = z.object({
  stateMachineArn: z.string().min(1).optional(),
  mapRunArn: z.string().optional(),
  statusFilter: z.enum(statuses).optional(),
  maxResults: z.number().int().min(0).max(1000).optional(),
  nextToken: z.string().optional(),
  redriveFilter: z.enum(['REDRIVEN', 'NOT_REDRIVEN']).optional(),
});

/** ListExecutions: a state machine's executions, newest first, filtered by status, paginated. */
export const listExecutions = jsonOperation<SandboxStates, typeof listInput>({
  input: listInput,
  mutates: false,
  permission: (input) => ({ action: 'states:ListExecutions', resource: input.stateMachineArn ?? input.mapRunArn ?? '*' }),
  run(input, env) {
    if (!input.stateMachineArn) return operationError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
    const lookup = findStateMachine(env.states.sfn, input.stateMachineArn);
    if ('missing' in lookup) return lookup.missing;
    const executions = [...lookup.found.executions.values()]
      .filter((e) => !input.statusFilter || e.status === input.statusFilter)
      .filter((e) => !input.redriveFilter || (input.redriveFilter === 'REDRIVEN') === e.redriveCount > 0)
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
    const page = paginate(executions, input.maxResults || 100, input.nextToken);
    return { body: { executions: page.items.map(executionListItem), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  },
});

const describeInput = z.object({ executionArn: z.string().min(1), includedData: z.string().optional() });

/** DescribeExecution: status, input and output (JSON strings), error and cause of a failure, redrive status. */
export const describeExecution = jsonOperation<SandboxStates, typeof describeInput>({
  input: describeInput,
  mutates: false,
  permission: (input) => ({ action: 'states:DescribeExecution', resource: input.executionArn }),
  run(input, env) {
    const lookup = findExecution(env.states.sfn, input.executionArn);
    if ('missing' in lookup) return lookup.missing;
    const { machine, execution } = lookup.found;
    const now = env.clock.now();
    const outcome = executionOutcome(executionHistory(machine, execution, env.states.glue, now));
    return {
      body: {
        executionArn: executionArn(machine.name, execution.name),
        stateMachineArn: stateMachineArn(machine.name),
        name: execution.name,
        status: execution.status,
        startDate: epochSeconds(execution.startDate),
        ...(execution.stopDate ? { stopDate: epochSeconds(execution.stopDate) } : {}),
        input: JSON.stringify(execution.spec.input),
        inputDetails: { included: true },
        ...(execution.status === 'SUCCEEDED' && outcome.output !== undefined ? { output: outcome.output, outputDetails: { included: true } } : {}),
        ...(execution.status === 'FAILED' ? { ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.cause ? { cause: outcome.cause } : {}) } : {}),
        redriveCount: execution.redriveCount,
        ...(execution.redriveDate ? { redriveDate: epochSeconds(execution.redriveDate) } : {}),
        ...redriveStatus(execution, now),
      },
    };
  },
});

const historyInput = z.object({
  executionArn: z.string().min(1),
  maxResults: z.number().int().min(0).max(1000).optional(),
  reverseOrder: z.boolean().optional(),
  nextToken: z.string().optional(),
  includeExecutionData: z.boolean().optional(),
});

/** GetExecutionHistory: the execution's events (details' input, output and cause as JSON strings), in either order, paginated. */
export const getExecutionHistory = jsonOperation<SandboxStates, typeof historyInput>({
  input: historyInput,
  mutates: false,
  permission: (input) => ({ action: 'states:GetExecutionHistory', resource: input.executionArn }),
  run(input, env) {
    const lookup = findExecution(env.states.sfn, input.executionArn);
    if ('missing' in lookup) return lookup.missing;
    const { machine, execution } = lookup.found;
    const events = executionHistory(machine, execution, env.states.glue, env.clock.now()).map((event) => ({ ...event, timestamp: epochSeconds(event.timestamp) }));
    if (input.reverseOrder) events.reverse();
    const page = paginate(events, input.maxResults || 100, input.nextToken);
    return { body: { events: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  },
});
