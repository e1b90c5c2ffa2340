import { defineCheck, fail, pass, skip } from '../../src/check-api';
import { retryFindings } from '../../src/diagnostics/stepfunctions/retry-findings';
import { withDefinition } from '../../src/diagnostics/stepfunctions/with-definition';

/**
 * 5.1, "Step Functions supports controlled retries": the recovery strategy counts on every Task state retrying
 * transient errors, with 3.2's judgement; a Task state without one breaks the strategy, so it fails.
 */
export default defineCheck({
  id: 'controlled-retries',
  title: 'Every Task state retries transient errors',
  establishes: 'Every Task state of the ingestion state machine (or an enclosing Map or Parallel state) has a Retry with MaxAttempts > 0 that covers transient errors.',
  kind: 'check',
  uses: ['sfn:DescribeStateMachine'],
  run: (ctx) =>
    withDefinition(ctx, async ({ tasks, consoleLink }) => {
      if (tasks.length === 0) return skip('the definition has no Task state: nothing runs that could be retried', { links: [consoleLink] });
      const found = retryFindings(tasks);
      if (found.problem) return fail(`${found.problem}: the recovery strategy's controlled retries do not cover these states, so one transient error fails the execution`, { evidence: found.evidence, links: [consoleLink] });
      return pass(`all ${tasks.length} Task states retry transient errors`, { evidence: found.evidence, links: [consoleLink] });
    }),
});
