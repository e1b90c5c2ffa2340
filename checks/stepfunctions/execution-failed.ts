import { StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { defineCheck, evidence, fail, link, notConfigured, pass } from '../../src/check-api';
import { executionConsoleUrl, regionOfArn, stateMachineConsoleUrl } from '../../src/diagnostics/stepfunctions/console-url';
import { failedExecutionStatuses, latestFinishedExecution } from '../../src/diagnostics/stepfunctions/find-execution';
import { lookback } from '../../src/diagnostics/stepfunctions/lookback';

/** 3.1 and 3.2 symptom: the pipeline's most recent finished execution failed. */
export default defineCheck({
  id: 'execution-failed',
  title: 'The latest pipeline execution did not fail',
  establishes: 'The most recent execution of the ingestion state machine that finished within the look-back window did not end FAILED, TIMED_OUT or ABORTED.',
  kind: 'check',
  uses: ['sfn:ListExecutions'],
  async run(ctx) {
    const pipeline = ctx.config.pipeline;
    if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
    const arn = pipeline.stateMachineArn;
    const region = regionOfArn(arn, ctx.config.aws?.region ?? 'us-east-1');
    const window = lookback(ctx.clock, pipeline.lookbackHours);
    const machineLink = link(`Step Functions: ${arn.split(':').pop()}`, stateMachineConsoleUrl(region, arn));
    let found;
    try {
      found = await ctx.memo(['sfn:latest-finished-execution', arn, pipeline.lookbackHours], (signal) => latestFinishedExecution(ctx.clients.sfn(), arn, window, signal));
    } catch (error) {
      if (error instanceof StateMachineDoesNotExist) return fail(`state machine ${arn} does not exist`, { links: [machineLink] });
      throw error;
    }
    const { latest, running } = found;
    const seen = [evidence('running executions', running)];
    if (!latest) return pass(`no execution finished in ${window.label}${running ? ` (${running} running)` : ''}`, { evidence: seen, links: [machineLink] });
    seen.unshift(evidence('latest finished execution', { name: latest.name ?? null, status: latest.status ?? null, startDate: latest.startDate?.toISOString() ?? null, stopDate: latest.stopDate?.toISOString() ?? null }));
    const links = [link(`Step Functions: execution ${latest.name}`, executionConsoleUrl(region, latest.executionArn ?? '')), machineLink];
    if (failedExecutionStatuses.includes(latest.status!)) return fail(`execution ${latest.name} is ${latest.status} (stopped ${latest.stopDate?.toISOString()})`, { evidence: seen, links });
    return pass(`the latest execution ${latest.name} is ${latest.status}`, { evidence: seen, links });
  },
});
