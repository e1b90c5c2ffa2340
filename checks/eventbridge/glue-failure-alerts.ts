import type { Rule } from '@aws-sdk/client-eventbridge';
import { defineCheck, error, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { EventPatternError, glueJobFailedEvent, patternMatches } from '../../src/diagnostics/eventbridge/event-pattern';
import { listRules, listTargets, ruleConsoleUrl } from '../../src/diagnostics/eventbridge/list-rules';
import { topicSubscriptions } from '../../src/diagnostics/sns/confirmed-subscriptions';
import { regionOfArn } from '../../src/diagnostics/stepfunctions/console-url';

const snsArn = /^arn:aws[\w-]*:sns:/;

/** A subscription's endpoint as evidence: an HTTP(S) endpoint by its origin only, since its path or query may carry an integration key. */
function shownEndpoint(protocol: string | undefined, endpoint: string | undefined): string {
  if ((protocol === 'http' || protocol === 'https') && endpoint) {
    try {
      return `${new URL(endpoint).origin}/…`; // the origin names the protocol
    } catch {
      return `${protocol}:(an endpoint that is not a URL)`;
    }
  }
  return `${protocol ?? '?'}:${endpoint ?? '?'}`;
}

/** What became of one rule that matches a job's failures: the topics that alert someone, or why none does. */
interface RulePath {
  rule: string;
  jobs: string[];
  alerting: string[];
  problems: string[];
}

async function followRule(ctx: Parameters<typeof topicSubscriptions>[0], rule: Rule, jobs: string[]): Promise<RulePath> {
  const name = rule.Name ?? '';
  const path: RulePath = { rule: name, jobs, alerting: [], problems: [] };
  if (rule.State !== 'ENABLED') {
    path.problems.push(`rule ${name} is ${rule.State ?? 'in an unknown state'}`);
    return path;
  }
  const topics = (await listTargets(ctx, name)).map((t) => t.Arn ?? '').filter((arn) => snsArn.test(arn));
  if (topics.length === 0) path.problems.push(`rule ${name} has no SNS topic among its targets`);
  for (const topic of topics) {
    const subscriptions = await topicSubscriptions(ctx, topic);
    if (!subscriptions.exists) path.problems.push(`rule ${name} targets topic ${topic.split(':').pop()}, which does not exist`);
    else if (subscriptions.confirmed.length === 0) {
      path.problems.push(`topic ${topic.split(':').pop()} has no confirmed subscription${subscriptions.pending.length ? ` (${subscriptions.pending.length} pending confirmation)` : ''}`);
    } else path.alerting.push(`${topic.split(':').pop()} (${subscriptions.confirmed.map((s) => shownEndpoint(s.Protocol, s.Endpoint)).join(', ')})`);
  }
  return path;
}

/** 7.1: a failed run of any platform Glue job reaches someone: an enabled EventBridge rule, an SNS topic, a confirmed subscription. */
export default defineCheck({
  id: 'glue-failure-alerts',
  title: 'Glue job failures are alerted through SNS',
  establishes:
    'For every configured Glue job, an enabled EventBridge rule on the default bus matches its "Glue Job State Change" event with state FAILED and targets an SNS topic that has at least one confirmed subscription.',
  kind: 'check',
  uses: ['events:ListRules', 'events:ListTargetsByRule', 'sns:ListSubscriptionsByTopic'],
  async run(ctx) {
    const pipeline = ctx.config.pipeline;
    if (!pipeline) return notConfigured(ctx.environment, 'pipeline.glueJobs');
    const region = ctx.config.aws?.region ?? regionOfArn(pipeline.stateMachineArn, 'us-east-1');
    const account = ctx.config.aws?.accountId ?? pipeline.stateMachineArn.split(':')[4] ?? '';
    const rules = await listRules(ctx);
    const unreadable: string[] = [];
    const matching: Array<{ rule: Rule; jobs: string[] }> = [];
    for (const rule of rules.filter((r) => r.EventPattern)) {
      try {
        const jobs = pipeline.glueJobs.filter((job) => patternMatches(rule.EventPattern!, glueJobFailedEvent(job, account, region)));
        if (jobs.length) matching.push({ rule, jobs });
      } catch (cause) {
        if (!(cause instanceof EventPatternError)) throw cause;
        unreadable.push(`rule ${rule.Name}: ${cause.message}`);
      }
    }
    const paths = await Promise.all(matching.map(({ rule, jobs }) => followRule(ctx, rule, jobs)));
    const links = paths.map((p) => link(`EventBridge rule ${p.rule}`, ruleConsoleUrl(region, p.rule)));
    const perJob = pipeline.glueJobs.map((job) => {
      const mine = paths.filter((p) => p.jobs.includes(job));
      const alerting = mine.flatMap((p) => p.alerting);
      return { job, rules: mine.map((p) => p.rule), alerting, problems: alerting.length ? [] : mine.flatMap((p) => p.problems) };
    });
    const seen = [evidence('jobs', perJob), evidence('rules read', rules.length), ...(unreadable.length ? [evidence('unreadable patterns', unreadable)] : [])];
    const broken = perJob.filter((j) => j.problems.length);
    if (broken.length) {
      return fail(`a failed run of ${broken.map((j) => j.job).join(', ')} alerts nobody: ${[...new Set(broken.flatMap((j) => j.problems))].join('; ')}`, { evidence: seen, links });
    }
    const uncovered = perJob.filter((j) => j.rules.length === 0).map((j) => j.job);
    if (uncovered.length && unreadable.length) {
      return error(`cannot tell whether failures of ${uncovered.join(', ')} are alerted: ${unreadable.join('; ')}`, new EventPatternError(unreadable.join('; ')), { evidence: seen, links });
    }
    if (uncovered.length === pipeline.glueJobs.length) {
      return warn(`not built yet: no EventBridge rule matches "Glue Job State Change" with state FAILED for ${uncovered.join(', ')}; add one that targets an SNS topic with a subscriber`, { evidence: seen, links });
    }
    if (uncovered.length) return warn(`no EventBridge rule matches failures of ${uncovered.join(', ')} (the other jobs are alerted)`, { evidence: seen, links });
    return pass(`failures of ${pipeline.glueJobs.join(', ')} reach ${[...new Set(perJob.flatMap((j) => j.alerting))].join(', ')}`, { evidence: seen, links });
  },
});
