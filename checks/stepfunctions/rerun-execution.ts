import { ExecutionNotRedrivable, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { defineCheck, evidence, fail, link, pass, type ActionPlan } from '../../src/check-api';
import { executionConsoleUrl } from '../../src/diagnostics/stepfunctions/console-url';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';

/** What the plan decided, carried in its evidence from plan to apply. */
type Rerun = { mode: 'redrive'; executionArn: string; region: string } | { mode: 'start'; stateMachineArn: string; name: string; input: string; region: string };

const rerunOf = (plan: ActionPlan): Rerun => plan.evidence.find((e) => e.label === 'rerun')!.value as unknown as Rerun;

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
      if (execution.redriveStatus === 'REDRIVABLE') {
        const rerun: Rerun = { mode: 'redrive', executionArn: execution.executionArn!, region };
        return {
          description: `redrive execution ${name} from its failed state (RedriveExecution)`,
          evidence: [evidence('rerun', rerun), evidence('console', consoleLink.url)],
        };
      }
      const rerun: Rerun = { mode: 'start', stateMachineArn: execution.stateMachineArn!, name: `${name}-rerun`.slice(0, 60), input: execution.input ?? '{}', region };
      return {
        description: `start a new execution of ${execution.stateMachineArn?.split(':').pop()} with the input of ${name} (${execution.redriveStatusReason ?? 'it cannot be redriven'})`,
        evidence: [evidence('rerun', rerun), evidence('redrive status', { status: execution.redriveStatus ?? null, reason: execution.redriveStatusReason ?? null })],
      };
    }),
  async apply(ctx, plan) {
    const rerun = rerunOf(plan);
    const sfn = ctx.clients.sfn();
    if (rerun.mode === 'redrive') {
      try {
        const result = await sfn.send(new RedriveExecutionCommand({ executionArn: rerun.executionArn, clientToken: randomUUID() }), { abortSignal: ctx.signal });
        return pass(`redrove ${rerun.executionArn.split(':').pop()} at ${result.redriveDate?.toISOString()}`, {
          evidence: [evidence('execution', rerun.executionArn)],
          links: [link('Step Functions: redriven execution', executionConsoleUrl(rerun.region, rerun.executionArn))],
        });
      } catch (error) {
        if (error instanceof ExecutionNotRedrivable) return fail(`the execution can no longer be redriven: ${error.message}`, { evidence: [evidence('execution', rerun.executionArn)] });
        throw error;
      }
    }
    const name = `${rerun.name}-${ctx.clock.now().toISOString().replace(/[^\d]/g, '').slice(0, 14)}`;
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: rerun.stateMachineArn, name, input: rerun.input }), { abortSignal: ctx.signal });
    return pass(`started ${name} with the same input`, {
      evidence: [evidence('execution', started.executionArn ?? null), evidence('input', rerun.input)],
      links: [link('Step Functions: new execution', executionConsoleUrl(rerun.region, started.executionArn ?? ''))],
    });
  },
});
