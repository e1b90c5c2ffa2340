import { DescribeExecutionCommand, ExecutionNotRedrivable, RedriveExecutionCommand, StartExecutionCommand, type RedriveExecutionCommandInput, type StartExecutionCommandInput } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { defineCheck, evidence, fail, link, noLongerHolds, pass, stillHolds, type ActionPlan } from '../../src/check-api';
import { executionConsoleUrl } from '../../src/diagnostics/stepfunctions/console-url';
import { describeRunning, failedExecutionStatuses, isInProgress, latestExecution } from '../../src/diagnostics/stepfunctions/find-execution';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';

/** What the plan found, carried in its evidence from plan to re-check and apply: the failed execution, and how it is re-run. */
type Rerun = { mode: 'redrive' | 'start'; failedArn: string; stateMachineArn: string; region: string; redriveCount: number };

const rerunOf = (plan: ActionPlan): Rerun => plan.evidence.find((e) => e.label === 'rerun')!.value as unknown as Rerun;
const nameOf = (arn: string) => arn.split(':').pop();

/** 3.1.5: re-runs the failed execution after the fix: a redrive when it is redrivable, else a new execution with the same input. */
export default defineCheck({
  id: 'rerun-execution',
  title: 'Re-run the failed Step Functions execution',
  establishes: 'The failed execution is redriven from its failed state (or, when it cannot be, started anew with the same input); runs only with --fix.',
  kind: 'action',
  uses: ['sfn:ListExecutions', 'sfn:DescribeExecution', 'sfn:RedriveExecution', 'sfn:StartExecution'],
  params: executionParam,
  plan: (ctx) =>
    withFailedExecution<ActionPlan>(ctx, async ({ execution, region, consoleLink }) => {
      const name = execution.name ?? 'execution';
      const found = { failedArn: execution.executionArn!, stateMachineArn: execution.stateMachineArn!, region, redriveCount: execution.redriveCount ?? 0 };
      if (execution.redriveStatus === 'REDRIVABLE') {
        const input = { executionArn: execution.executionArn!, clientToken: randomUUID() } satisfies RedriveExecutionCommandInput;
        return {
          description: `redrive execution ${name} from its failed state (RedriveExecution)`,
          preview: { calls: [{ operation: 'sfn:RedriveExecution', parameters: { ...input } }], expects: `execution ${name} runs again from the state that failed: its status becomes RUNNING and its redrive count goes up by one` },
          evidence: [evidence('rerun', { mode: 'redrive', ...found }), evidence('console', consoleLink.url)],
        };
      }
      const stamp = ctx.clock.now().toISOString().replace(/[^\d]/g, '').slice(0, 14);
      const input = { stateMachineArn: execution.stateMachineArn!, name: `${`${name}-rerun`.slice(0, 60)}-${stamp}`, input: execution.input ?? '{}' } satisfies StartExecutionCommandInput;
      return {
        description: `start a new execution of ${nameOf(execution.stateMachineArn ?? '')} with the input of ${name} (${execution.redriveStatusReason ?? 'it cannot be redriven'})`,
        preview: { calls: [{ operation: 'sfn:StartExecution', parameters: { ...input } }], expects: `a new execution ${input.name} of ${nameOf(input.stateMachineArn)} starts with the input of ${name}; ${name} itself stays failed` },
        evidence: [evidence('rerun', { mode: 'start', ...found }), evidence('redrive status', { status: execution.redriveStatus ?? null, reason: execution.redriveStatusReason ?? null })],
      };
    }),
  async precondition(ctx, plan) {
    const rerun = rerunOf(plan);
    const sfn = ctx.clients.sfn();
    if (rerun.mode === 'redrive') {
      const now = await sfn.send(new DescribeExecutionCommand({ executionArn: rerun.failedArn }), { abortSignal: ctx.signal });
      if (!failedExecutionStatuses.includes(now.status!)) return noLongerHolds(`execution ${now.name} is ${now.status} now, no longer failed`);
      if ((now.redriveCount ?? 0) !== rerun.redriveCount) return noLongerHolds(`execution ${now.name} was redriven since the preview (redrive count ${rerun.redriveCount} → ${now.redriveCount ?? 0}): look at that run first`);
      if (now.redriveStatus !== 'REDRIVABLE') return noLongerHolds(`execution ${now.name} is no longer redrivable: ${now.redriveStatusReason ?? now.redriveStatus ?? 'no redrive status'}`);
      return stillHolds;
    }
    const latest = await latestExecution(sfn, rerun.stateMachineArn, ctx.signal);
    if (latest && isInProgress(latest)) return noLongerHolds(`${describeRunning(latest)}: the pipeline is running already`);
    if (latest && latest.executionArn !== rerun.failedArn) return noLongerHolds(`a newer execution, ${latest.name} (${latest.status}), ran after ${nameOf(rerun.failedArn)}`);
    return stillHolds;
  },
  async apply(ctx, plan) {
    const rerun = rerunOf(plan);
    const call = plan.preview.calls[0]!;
    const sfn = ctx.clients.sfn();
    if (rerun.mode === 'redrive') {
      const input = call.parameters as unknown as RedriveExecutionCommandInput;
      try {
        const result = await sfn.send(new RedriveExecutionCommand(input), { abortSignal: ctx.signal });
        return pass(`redrove ${nameOf(input.executionArn!)} at ${result.redriveDate?.toISOString()}`, {
          evidence: [evidence('execution', input.executionArn!)],
          links: [link('Step Functions: redriven execution', executionConsoleUrl(rerun.region, input.executionArn!))],
        });
      } catch (error) {
        if (error instanceof ExecutionNotRedrivable) return fail(`the execution can no longer be redriven: ${error.message}`, { evidence: [evidence('execution', input.executionArn!)] });
        throw error;
      }
    }
    const input = call.parameters as unknown as StartExecutionCommandInput;
    const started = await sfn.send(new StartExecutionCommand(input), { abortSignal: ctx.signal });
    return pass(`started ${input.name} with the same input`, {
      evidence: [evidence('execution', started.executionArn ?? null), evidence('input', input.input ?? null)],
      links: [link('Step Functions: new execution', executionConsoleUrl(rerun.region, started.executionArn ?? ''))],
    });
  },
});
