import { LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { defineCheck, error, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { changePrincipal, matchesResource } from '../../src/diagnostics/cloudtrail/change-principal';

/** 6.1, "Never bypass CI/CD for infrastructure changes": every write to the platform's resources in the window came from the CI role. */
export default defineCheck({
  id: 'changes-outside-ci',
  title: 'No infrastructure change outside CI/CD',
  establishes: "CloudTrail's write events (ReadOnly=false) of the last practices.changeLookbackHours on resources matching practices.platformResources were all made by a session of terraform.ciRoleArn (or by an AWS service).",
  kind: 'check',
  uses: ['cloudtrail:LookupEvents'],
  async run(ctx) {
    const ciRoleArn = ctx.config.terraform?.ciRoleArn;
    if (!ciRoleArn) return notConfigured(ctx.environment, 'terraform.ciRoleArn');
    const patterns = ctx.config.practices?.platformResources;
    if (!patterns) return notConfigured(ctx.environment, 'practices.platformResources');
    const hours = ctx.config.practices?.changeLookbackHours ?? 24;
    const cap = ctx.config.practices?.maxTrailEvents ?? 5_000;
    const region = ctx.config.aws?.region ?? 'us-east-1';
    const end = ctx.clock.now();
    const start = new Date(end.getTime() - hours * 3_600_000);
    const links = [link('CloudTrail event history: write events', `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events?ReadOnly=false`)];
    const events: Event[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.clients.cloudtrail().send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }], StartTime: start, EndTime: end, MaxResults: 50, NextToken: token }),
        { abortSignal: ctx.signal },
      );
      events.push(...(page.Events ?? []));
      token = page.NextToken;
    } while (token && events.length < cap);
    const onPlatform = events.filter((event) => (event.Resources ?? []).some((r) => r.ResourceName && matchesResource(r.ResourceName, patterns)));
    const unreadable: string[] = [];
    const manual: Array<{ time: string | null; event: string; resources: string[]; who: string }> = [];
    let fromCi = 0;
    for (const event of onPlatform) {
      const principal = changePrincipal(event.CloudTrailEvent, ciRoleArn);
      if (principal.kind === 'unreadable') unreadable.push(`event ${event.EventId ?? '?'} (${event.EventName ?? '?'}): ${principal.problem}`);
      else if (principal.kind === 'ci') fromCi++;
      else if (principal.kind === 'other') {
        const resources = (event.Resources ?? []).map((r) => r.ResourceName ?? '').filter((name) => matchesResource(name, patterns));
        manual.push({ time: event.EventTime?.toISOString() ?? null, event: `${event.EventSource?.replace('.amazonaws.com', '') ?? '?'}:${event.EventName ?? '?'}`, resources, who: principal.arn ?? principal.role ?? principal.type });
      }
    }
    const seen = [
      evidence('window', { from: start.toISOString(), to: end.toISOString() }),
      evidence('write events read', events.length),
      evidence('on platform resources', onPlatform.length),
      evidence('by the CI role', fromCi),
      evidence('outside CI', manual),
    ];
    if (unreadable.length) return error(`unreadable CloudTrail events: ${unreadable.join('; ')}; expected a CloudTrailEvent JSON record with userIdentity`, new Error(unreadable[0]), { evidence: seen, links });
    if (manual.length) {
      const named = manual.map((m) => `${m.event} on ${m.resources.join(', ')} by ${m.who} at ${m.time ?? '?'}`);
      return fail(`${manual.length} change${manual.length > 1 ? 's' : ''} to platform resources outside CI/CD in the last ${hours} h: ${named.join('; ')}. Bring them into Terraform (or revert them) and find out why CI was bypassed`, { evidence: seen, links });
    }
    if (token) return warn(`no change outside CI among the first ${events.length} write events, but the look-up stopped at its cap of ${cap} (practices.maxTrailEvents): older events in the window were not read`, { evidence: seen, links });
    return pass(`${onPlatform.length} write event${onPlatform.length === 1 ? '' : 's'} on platform resources in the last ${hours} h, ${fromCi} by the CI role, none by anyone else`, { evidence: seen, links });
  },
});
