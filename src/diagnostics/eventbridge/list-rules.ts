import { ListRulesCommand, ListTargetsByRuleCommand, type Rule, type Target } from '@aws-sdk/client-eventbridge';
import type { CheckContext } from '../../check-api';

/** Every rule of the default event bus (ListRules, all pages). */
export async function listRules(ctx: CheckContext): Promise<Rule[]> {
  return ctx.memo(['events:ListRules', 'default'], async (signal) => {
    const rules: Rule[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.clients.events().send(new ListRulesCommand({ Limit: 100, ...(token ? { NextToken: token } : {}) }), { abortSignal: signal });
      rules.push(...(page.Rules ?? []));
      token = page.NextToken;
    } while (token);
    return rules;
  });
}

/** Every target of one rule (ListTargetsByRule, all pages). */
export async function listTargets(ctx: CheckContext, rule: string): Promise<Target[]> {
  return ctx.memo(['events:ListTargetsByRule', rule], async (signal) => {
    const targets: Target[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.clients.events().send(new ListTargetsByRuleCommand({ Rule: rule, Limit: 100, ...(token ? { NextToken: token } : {}) }), { abortSignal: signal });
      targets.push(...(page.Targets ?? []));
      token = page.NextToken;
    } while (token);
    return targets;
  });
}

/** The EventBridge console page of a rule on the default bus. */
export function ruleConsoleUrl(region: string, name: string): string {
  return `https://${region}.console.aws.amazon.com/events/home?region=${region}#/eventbus/default/rules/${encodeURIComponent(name)}`;
}
