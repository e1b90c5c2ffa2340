import { defineCheck, evidence, pass, skip, warn } from '../../src/check-api';
import { judgeRetries } from '../../src/diagnostics/stepfunctions/retry';
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
      const verdicts = judgeRetries(tasks);
      const seen = [evidence('task states', verdicts.map((v) => ({ ...v, ...('errors' in v ? { errors: [...v.errors] } : {}) })))];
      const missing = verdicts.filter((v) => v.kind === 'no-retry').map((v) => v.state);
      const narrow = verdicts.filter((v) => v.kind === 'no-transient').map((v) => v.state);
      if (missing.length || narrow.length) {
        const parts = [missing.length ? `no Retry on ${missing.join(', ')}` : '', narrow.length ? `Retry without transient errors on ${narrow.join(', ')}` : ''].filter(Boolean);
        return warn(`${parts.join('; ')}: a throttled or briefly unavailable service fails the whole execution`, { evidence: seen, links: [consoleLink] });
      }
      return pass(`all ${tasks.length} Task states retry transient errors`, { evidence: seen, links: [consoleLink] });
    }),
});
