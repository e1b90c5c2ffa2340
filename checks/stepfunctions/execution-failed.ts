import { StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { defineCheck, evidence, fail, link, notConfigured, pass, warn } from '../../src/check-api';
import { executionConsoleUrl, regionOfArn, stateMachineConsoleUrl } from '../../src/diagnostics/stepfunctions/console-url';
import { describeRunning, failedExecutionStatuses, isInProgress, latestExecution, stoppedWithin } from '../../src/diagnostics/stepfunctions/find-execution';
import { lookback } from '../../src/diagnostics/stepfunctions/lookback';

/** 3.1 and 3.2 symptom: the pipeline's newest execution failed (or is still running, when it is re-run). */
export default defineCheck({
  id: 'execution-failed',
  title: 'The latest pipeline execution did not fail',
  establishes: 'The newest execution of the ingestion state machine, in any state, did not end FAILED, TIMED_OUT or ABORTED within the look-back window; one still running is reported as such.',
  kind: 'check',
  uses: ['sfn:ListExecutions'],
  async run(ctx) {
    const pipeline = ctx.config.pipeline;
    if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
    const arn = pipeline.stateMachineArn;
    const region = regionOfArn(arn, ctx.config.aws?.region ?? 'us-east-1');
    const window = lookback(ctx.clock, pipeline.lookbackHours);
    const machineLink = link(`Step Functions: ${arn.split(':').pop()}`, stateMachineConsoleUrl(region, arn));
    let latest;
    try {
      latest = await ctx.memo(['sfn:latest-execution', arn], (signal) => latestExecution(ctx.clients.sfn(), arn, signal));
    } catch (error) {
      if (error instanceof StateMachineDoesNotExist) return fail(`state machine ${arn} does not exist`, { links: [machineLink] });
      throw error;
    }
    if (!latest) return pass(`${arn.split(':').pop()} has no execution`, { links: [machineLink] });
    const seen = [evidence('latest execution', { name: latest.name ?? null, status: latest.status ?? null, startDate: latest.startDate?.toISOString() ?? null, stopDate: latest.stopDate?.toISOString() ?? null, redriveCount: latest.redriveCount ?? 0 })];
    const links = [link(`Step Functions: execution ${latest.name}`, executionConsoleUrl(region, latest.executionArn ?? '')), machineLink];
    if (isInProgress(latest)) return warn(`${describeRunning(latest)}: wait for it; its outcome is not known yet`, { evidence: seen, links });
    if (!stoppedWithin(latest, window)) return pass(`no execution finished in ${window.label} (the latest, ${latest.name}, ended ${latest.status} at ${latest.stopDate?.toISOString()})`, { evidence: seen, links });
    if (failedExecutionStatuses.includes(latest.status!)) return fail(`execution ${latest.name} is ${latest.status} (stopped ${latest.stopDate?.toISOString()})`, { evidence: seen, links });
    return pass(`the latest execution ${latest.name} is ${latest.status}`, { evidence: seen, links });
  },
});
