import { defineCheck, pass, skip, warn } from '../../src/check-api';
import { retryFindings } from '../../src/diagnostics/stepfunctions/retry-findings';
import { withDefinition } from '../../src/diagnostics/stepfunctions/with-definition';

/** 3.2 note: every Task state retries transient failures (throttling, timeouts, service errors). */
export default defineCheck({
  id: 'task-retry-policies',
  title: 'Task states retry transient failures',
  establishes: 'Every Task state of the ingestion state machine has a Retry that covers transient errors (States.Timeout, service exceptions, throttling, States.ALL).',
  kind: 'check',
  uses: ['sfn:DescribeStateMachine'],
  run: (ctx) =>
    withDefinition(ctx, async ({ tasks, consoleLink }) => {
      if (tasks.length === 0) return skip('the definition has no Task state', { links: [consoleLink] });
      const found = retryFindings(tasks);
      if (found.problem) return warn(`${found.problem}: a throttled or briefly unavailable service fails the whole execution`, { evidence: found.evidence, links: [consoleLink] });
      return pass(`all ${tasks.length} Task states retry transient errors`, { evidence: found.evidence, links: [consoleLink] });
    }),
});
