import { DescribeStateMachineCommand, StateMachineDoesNotExist, type DescribeStateMachineCommandOutput } from '@aws-sdk/client-sfn';
import { fail, link, notConfigured, type CheckContext } from '../../check-api';
import type { PipelineConfig } from '../../config/areas/pipeline';
import type { CheckResult } from '../../model';
import { regionOfArn, stateMachineConsoleUrl } from './console-url';
import { DefinitionParseError, taskStates, type TaskState } from './definition';

/** What a check about the state machine's definition gets. */
export interface DefinitionContext {
  machine: DescribeStateMachineCommandOutput;
  tasks: TaskState[];
  pipeline: PipelineConfig;
  region: string;
  /** The account of the state machine, for the ARNs its tasks need. */
  account: string;
  consoleLink: ReturnType<typeof link>;
}

/** Describes the configured state machine and runs `judge` on its Task states; a missing machine or malformed definition fails. */
export async function withDefinition(ctx: CheckContext, judge: (found: DefinitionContext) => Promise<CheckResult>): Promise<CheckResult> {
  const pipeline = ctx.config.pipeline;
  if (!pipeline) return notConfigured(ctx.environment, 'pipeline.stateMachineArn');
  const arn = pipeline.stateMachineArn;
  const region = regionOfArn(arn, ctx.config.aws?.region ?? 'us-east-1');
  const consoleLink = link(`Step Functions: ${arn.split(':').pop()}`, stateMachineConsoleUrl(region, arn));
  let machine;
  try {
    machine = await ctx.memo(['sfn:DescribeStateMachine', arn], (signal) => ctx.clients.sfn().send(new DescribeStateMachineCommand({ stateMachineArn: arn }), { abortSignal: signal }));
  } catch (error) {
    if (error instanceof StateMachineDoesNotExist) return fail(`state machine ${arn} does not exist`, { links: [consoleLink] });
    throw error;
  }
  let tasks: TaskState[];
  try {
    tasks = taskStates(machine.definition);
  } catch (error) {
    if (error instanceof DefinitionParseError) return fail(error.message, { links: [consoleLink] });
    throw error;
  }
  return judge({ machine, tasks, pipeline, region, account: arn.split(':')[4] ?? '', consoleLink });
}
