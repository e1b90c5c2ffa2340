import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { failedStateOf } from '../../src/diagnostics/stepfunctions/follow-map-run';
import { isJsonObject } from '../../src/diagnostics/stepfunctions/json-field';
import { executionHistory } from '../../src/diagnostics/stepfunctions/read-history';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';

/** 3.2.3: the failed state's input and the last good output, with the keys every Task input needs. */
export default defineCheck({
  id: 'state-payload',
  title: 'Review the input and output payload',
  establishes: "The failed state's input carries every key of pipeline.requiredInputKeys, and was not truncated; the last successful state's output is shown.",
  kind: 'check',
  uses: ['sfn:ListExecutions', 'sfn:DescribeExecution', 'sfn:GetExecutionHistory'],
  params: executionParam,
  run: (ctx) =>
    withFailedExecution(ctx, async ({ execution, pipeline, consoleLink }) => {
      const history = await executionHistory(ctx, execution.executionArn!);
      const failed = await failedStateOf(ctx.clients.sfn(), history.events, ctx.signal);
      const links = [consoleLink];
      if (!failed || failed.state === null) return warn(`execution ${execution.name} failed before entering a state: no state input to review`, { links });
      const required = pipeline.requiredInputKeys;
      const input = failed.input;
      const missing = isJsonObject(input ?? undefined) ? required.filter((key) => !(key in (input as object))) : required;
      const seen = [
        evidence('failed state', failed.state),
        evidence('input', input),
        evidence('last successful output', failed.lastOutput ? { state: failed.lastOutput.state, output: failed.lastOutput.value } : null),
        evidence('required input keys', required),
      ];
      if (!isJsonObject(input ?? undefined) && required.length) return fail(`the input of ${failed.state} is not a JSON object, so it lacks ${required.join(', ')}`, { evidence: seen, links });
      if (missing.length) return fail(`the input of ${failed.state} lacks ${missing.join(', ')}`, { evidence: [...seen, evidence('missing keys', missing)], links });
      if (failed.inputTruncated) return warn(`the input of ${failed.state} was truncated by Step Functions (over 256 KiB)`, { evidence: seen, links });
      return pass(`the input of ${failed.state} has ${required.length ? `every required key (${required.join(', ')})` : 'no required keys configured'}${failed.lastOutput ? `; last good output from ${failed.lastOutput.state}` : ''}`, { evidence: seen, links });
    }),
});
