import { z } from 'zod';
import { jsonOperation } from '../../aws-json/operations';
import { paginate } from '../../aws-json/pagination';
import type { SandboxStates } from '../../states';
import { requestedBus, ruleArn } from '../arn';

const input = z.object({
  NamePrefix: z.string().min(1).max(64).optional(),
  EventBusName: z.string().min(1).max(1600).optional(),
  NextToken: z.string().min(1).max(2048).optional(),
  Limit: z.number().int().min(1).max(100).optional(),
});

/** ListRules: the rules of a bus (default unless named) under a name prefix, with their pattern as a JSON string, 100 a page. */
export const listRules = jsonOperation<SandboxStates, typeof input>({
  input,
  mutates: false,
  permission: () => ({ action: 'events:ListRules', resource: '*' }),
  run(input, env) {
    const bus = requestedBus(input.EventBusName);
    const rules = env.states.events.rules.filter((rule) => rule.eventBusName === bus && rule.name.startsWith(input.NamePrefix ?? ''));
    const page = paginate(rules, input.Limit ?? 100, input.NextToken);
    return {
      body: {
        Rules: page.items.map((rule) => ({
          Name: rule.name,
          Arn: ruleArn(rule.name, rule.eventBusName),
          ...(rule.eventPattern ? { EventPattern: JSON.stringify(rule.eventPattern) } : {}),
          ...(rule.scheduleExpression ? { ScheduleExpression: rule.scheduleExpression } : {}),
          State: rule.state,
          ...(rule.description ? { Description: rule.description } : {}),
          EventBusName: rule.eventBusName,
        })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      },
    };
  },
});
