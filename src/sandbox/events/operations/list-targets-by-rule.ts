import { z } from 'zod';
import { jsonOperation, operationError } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { requestedBus } from '../arn';
import { regionalArn } from '../../authorization/arns';

const input = z.object({
  Rule: z.string().min(1).max(64),
  EventBusName: z.string().min(1).max(1600).optional(),
  NextToken: z.string().min(1).max(2048).optional(),
  Limit: z.number().int().min(1).max(100).optional(),
});

/** ListTargetsByRule: a rule's targets (id, ARN, input, role), 100 a page; ResourceNotFoundException for a rule the bus lacks. */
export const listTargetsByRule = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: (input) => ({ action: 'events:ListTargetsByRule', resource: regionalArn('events', `rule/${input.Rule}`) }),
  run(input, env) {
    const bus = requestedBus(input.EventBusName);
    const rule = env.states.events.rules.find((r) => r.name === input.Rule && r.eventBusName === bus);
    if (!rule) return operationError('ResourceNotFoundException', `Rule ${input.Rule} does not exist on EventBus ${bus}.`);
    const page = paginate(Object.entries(rule.targets), input.Limit ?? 100, input.NextToken);
    return {
      body: {
        Targets: page.items.map(([id, target]) => ({ Id: id, Arn: target.arn, ...(target.input !== undefined ? { Input: target.input } : {}), ...(target.roleArn ? { RoleArn: target.roleArn } : {}) })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      },
    };
  },
});
