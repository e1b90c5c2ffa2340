import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import { epochSeconds } from '../../aws-json/protocol';
import type { SandboxStates } from '../../states';
import { stateMachineArn } from '../arn';
import { findStateMachine } from '../lookup';
import { machineSettings } from '../shapes';

const listInput = z.object({ maxResults: z.number().int().min(0).max(1000).optional(), nextToken: z.string().optional() });

/** ListStateMachines: every state machine, by name. */
export const listStateMachines = jsonOperation<SandboxStates, typeof listInput>({
  input: listInput,
  mutates: false,
  permission: () => ({ action: 'states:ListStateMachines', resource: '*' }),
  run(input, env) {
    const machines = [...env.states.sfn.stateMachines.values()].sort((a, b) => a.name.localeCompare(b.name));
    const page = paginate(machines, input.maxResults || 100, input.nextToken);
    return {
      body: {
        stateMachines: page.items.map((m) => ({ stateMachineArn: stateMachineArn(m.name), name: m.name, type: m.type, creationDate: epochSeconds(m.createdOn) })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      },
    };
  },
});

const describeInput = z.object({ stateMachineArn: z.string().min(1), includedData: z.string().optional() });

/** DescribeStateMachine: the definition (a JSON string, as AWS sends it), role, type and settings. */
export const describeStateMachine = jsonOperation<SandboxStates, typeof describeInput>({
  input: describeInput,
  mutates: false,
  permission: (input) => ({ action: 'states:DescribeStateMachine', resource: input.stateMachineArn }),
  run(input, env) {
    const lookup = findStateMachine(env.states.sfn, input.stateMachineArn);
    if ('missing' in lookup) return lookup.missing;
    const machine = lookup.found;
    return {
      body: {
        stateMachineArn: stateMachineArn(machine.name),
        name: machine.name,
        status: 'ACTIVE',
        type: machine.type,
        creationDate: epochSeconds(machine.createdOn),
        ...machineSettings(machine),
      },
    };
  },
});
