import { defineCheck, evidence, fail, notConfigured, pass } from '../../src/check-api';
import { taskStates } from '../../src/diagnostics/stepfunctions/definition';
import { failedStateOf } from '../../src/diagnostics/stepfunctions/follow-map-run';
import { glueJobReferences } from '../../src/diagnostics/stepfunctions/integrations';
import { executionHistory } from '../../src/diagnostics/stepfunctions/read-history';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';

/** 3.2 symptom: the failed execution stopped with Glue jobs of the workflow not run. */
export default defineCheck({
  id: 'workflow-stopped-between-jobs',
  title: 'The workflow did not stop between Glue jobs',
  establishes: 'The most recent failed execution (if any) ran every Glue job state of the definition; otherwise the jobs that ran and those never reached are listed.',
  kind: 'check',
  uses: ['sfn:ListExecutions', 'sfn:DescribeExecution', 'sfn:DescribeStateMachine', 'sfn:GetExecutionHistory'],
  params: executionParam,
  run: async (ctx) => {
    if (!ctx.config.pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
    const verdict = await withFailedExecution(ctx, async ({ execution, consoleLink }) => {
      const machine = await ctx.clients.sfn().send(new DescribeStateMachineCommand({ stateMachineArn: execution.stateMachineArn! }), { abortSignal: ctx.signal });
      const jobStates = glueJobReferences(taskStates(machine.definition)).map((r) => r.state);
      const history = await executionHistory(ctx, execution.executionArn!);
      const exited = new Set(history.events.filter((e) => e.type?.endsWith('StateExited')).map((e) => e.stateExitedEventDetails?.name ?? ''));
      const entered = new Set(history.events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name ?? ''));
      const failed = await failedStateOf(ctx.clients.sfn(), history.events, ctx.signal);
      const completed = jobStates.filter((s) => exited.has(s) && s !== failed?.state);
      const notReached = jobStates.filter((s) => !entered.has(s));
      const seen = [evidence('glue job states', jobStates), evidence('completed', completed), evidence('failed', failed?.state ?? null), evidence('never reached', notReached)];
      if (notReached.length === 0 && !jobStates.includes(failed?.state ?? '')) return pass(`execution ${execution.name} ran every Glue job state before failing`, { evidence: seen, links: [consoleLink] });
      const after = completed.length ? `after ${completed.join(', ')}` : 'before any Glue job completed';
      return fail(`execution ${execution.name} stopped at ${failed?.state ?? '?'} ${after}${notReached.length ? `; never reached: ${notReached.join(', ')}` : ''}`, { evidence: seen, links: [consoleLink] });
    });
    return verdict.status === 'skip' ? pass(verdict.summary, { links: verdict.links }) : verdict;
  },
});
