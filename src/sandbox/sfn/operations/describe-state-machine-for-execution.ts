import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { epochSeconds } from '../../aws-json/protocol';
import type { SandboxStates } from '../../states';
import { stateMachineArn } from '../arn';
import { findExecution } from '../lookup';
import { machineSettings } from '../shapes';

const input = z.object({ executionArn: z.string().min(1).max(256), includedData: z.enum(['ALL_DATA', 'METADATA_ONLY']).optional() });

/** DescribeStateMachineForExecution: the state machine an execution ran (definition, role, settings, last update), ExecutionDoesNotExist otherwise. */
export const describeStateMachineForExecution = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'states:DescribeStateMachineForExecution', resource: input.executionArn }),
  run(input, env) {
    const lookup = findExecution(env.states.sfn, input.executionArn);
    if ('missing' in lookup) return lookup.missing;
    const { machine } = lookup.found;
    return { body: { stateMachineArn: stateMachineArn(machine.name), name: machine.name, ...machineSettings(machine), updateDate: epochSeconds(machine.createdOn) } };
  },
});
