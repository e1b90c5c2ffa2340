import { defineCheck, evidence, fail, link } from '../../src/check-api';
import { glueRunConsoleUrl } from '../../src/diagnostics/glue/console-url';
import { failedStateOf } from '../../src/diagnostics/stepfunctions/follow-map-run';
import { executionHistory } from '../../src/diagnostics/stepfunctions/read-history';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';

/** 3.2.2: the failed state of the failed execution, its error and cause, and the Glue run it carried. */
export default defineCheck({
  id: 'failed-state',
  title: 'Inspect the failed state',
  establishes: "The failed execution's history names the state that failed, its error and cause; a failed Glue task's JobRun is followed from the cause.",
  kind: 'check',
  uses: ['sfn:ListExecutions', 'sfn:DescribeExecution', 'sfn:GetExecutionHistory'],
  params: executionParam,
  run: (ctx) =>
    withFailedExecution(ctx, async ({ execution, region, consoleLink }) => {
      const history = await executionHistory(ctx, execution.executionArn!);
      const failed = await failedStateOf(ctx.clients.sfn(), history.events, ctx.signal);
      const links = [consoleLink];
      const seen = [evidence('history events read', { events: history.events.length, truncated: history.truncated })];
      if (!failed) {
        return fail(`execution ${execution.name} is ${execution.status} but its history shows no failure event: ${execution.error ?? ''} ${execution.cause ?? ''}`.trim(), { evidence: seen, links });
      }
      seen.unshift(
        evidence('failed state', { name: failed.state, type: failed.stateType, event: failed.eventType, eventId: failed.eventId, attempts: failed.attempts }),
        evidence('inside', failed.enclosing.map((e) => ({ ...e }))),
        evidence('error', failed.error),
        evidence('cause', failed.cause),
      );
      if (failed.mapRun) seen.push(evidence('map run', { ...failed.mapRun }));
      if (failed.glueRun) {
        seen.push(evidence('glue job run', { ...failed.glueRun }));
        if (failed.glueRun.jobName) links.push(link(`Glue job run ${failed.glueRun.id}`, glueRunConsoleUrl(region, failed.glueRun.jobName, failed.glueRun.id)));
      }
      const detail = failed.glueRun
        ? `Glue job ${failed.glueRun.jobName} run ${failed.glueRun.id} ${failed.glueRun.state}: ${failed.glueRun.errorMessage ?? 'no error message'}`
        : typeof failed.cause === 'string'
          ? failed.cause.slice(0, 300)
          : JSON.stringify(failed.cause)?.slice(0, 300) ?? 'no cause';
      const inside = failed.enclosing.length ? ` (inside ${failed.enclosing.map((e) => `${e.type} ${e.state}`).join(' › ')})` : '';
      return fail(`state ${failed.state ?? '(none entered)'}${inside} failed with ${failed.error ?? 'no error name'}${failed.attempts > 1 ? ` after ${failed.attempts} attempts` : ''}: ${detail}${failed.mapRun?.note ? `; ${failed.mapRun.note}` : ''}`, { evidence: seen, links });
    }),
});
