import { StateMachineDoesNotExist, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { fail, link, notConfigured, skip, warn, type CheckContext } from '../../check-api';
import type { PipelineConfig } from '../../config/areas/pipeline';
import type { CheckResult } from '../../model';
import { executionConsoleUrl, regionOfArn, stateMachineConsoleUrl } from './console-url';
import { describeRunning, findFailedExecution } from './find-execution';
import { lookback } from './lookback';

/** The parameter that names an execution instead of the most recent failed one. */
export const executionParam = { executionArn: { description: 'an execution ARN to inspect instead of the most recent failed execution' } } as const;

/** What a check about the incident's execution gets: the execution, the pipeline settings and its console link. */
export interface FailedExecutionContext {
  execution: DescribeExecutionCommandOutput;
  pipeline: PipelineConfig;
  region: string;
  consoleLink: ReturnType<typeof link>;
}

/**
 * Finds the incident's execution (the `executionArn` parameter, or the newest one when it failed in the look-back
 * window) and runs `judge` on it; warns when the newest is still running (a redrive, say: wait for it), skips when
 * nothing failed, fails when the state machine is gone.
 */
export async function withFailedExecution<T = CheckResult>(
  ctx: CheckContext<'executionArn'>,
  judge: (found: FailedExecutionContext) => Promise<T | CheckResult>,
): Promise<T | CheckResult> {
  const pipeline = ctx.config.pipeline;
  if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
  const region = regionOfArn(pipeline.stateMachineArn, ctx.config.aws?.region ?? 'us-east-1');
  const window = lookback(ctx.clock, pipeline.lookbackHours);
  let search;
  try {
    search = await ctx.memo(['sfn:failed-execution', pipeline.stateMachineArn, pipeline.lookbackHours, ctx.params.executionArn], (signal) =>
      findFailedExecution(ctx.clients.sfn(), pipeline.stateMachineArn, window, ctx.params.executionArn, signal),
    );
  } catch (error) {
    if (error instanceof StateMachineDoesNotExist) return fail(`state machine ${pipeline.stateMachineArn} does not exist`);
    throw error;
  }
  const machineLink = link('Step Functions: state machine executions', stateMachineConsoleUrl(region, pipeline.stateMachineArn));
  if (search.kind === 'in-progress') {
    const running = search.execution;
    return warn(`${describeRunning(running)}: wait for it; its outcome is not known yet`, { links: [link(`Step Functions: execution ${running.name}`, executionConsoleUrl(region, running.executionArn ?? '')), machineLink] });
  }
  if (search.kind === 'none') {
    return skip(`no failed execution of ${pipeline.stateMachineArn.split(':').pop()} in ${window.label}`, { links: [machineLink] });
  }
  const arn = search.execution.executionArn ?? ctx.params.executionArn ?? '';
  return judge({ execution: search.execution, pipeline, region, consoleLink: link(`Step Functions: execution ${search.execution.name ?? arn}`, executionConsoleUrl(region, arn)) });
}
