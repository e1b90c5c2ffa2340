import { defineCheck, evidence, pass } from '../../src/check-api';
import { decodeJsonField } from '../../src/diagnostics/stepfunctions/json-field';
import { executionParam, withFailedExecution } from '../../src/diagnostics/stepfunctions/with-failed-execution';

/** 3.2.1: finds the failed execution to open in the console, with its error and cause. */
export default defineCheck({
  id: 'failed-execution',
  title: 'Locate the failed Step Functions execution',
  establishes: 'The most recent failed execution of the ingestion state machine (or the one named by --param executionArn) is found, with its console link, error and cause.',
  kind: 'check',
  uses: ['sfn:ListExecutions', 'sfn:DescribeExecution'],
  params: executionParam,
  run: (ctx) =>
    withFailedExecution(ctx, async ({ execution, consoleLink }) =>
      pass(`open execution ${execution.name} (${execution.status}): ${execution.error ?? 'no error name'}`, {
        evidence: [
          evidence('execution', {
            arn: execution.executionArn ?? null,
            status: execution.status ?? null,
            startDate: execution.startDate?.toISOString() ?? null,
            stopDate: execution.stopDate?.toISOString() ?? null,
            redriveStatus: execution.redriveStatus ?? null,
            redriveCount: execution.redriveCount ?? 0,
          }),
          evidence('error', execution.error ?? null),
          evidence('cause', decodeJsonField(execution.cause)?.value ?? null),
        ],
        links: [consoleLink],
      }),
    ),
});
