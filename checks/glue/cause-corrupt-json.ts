import { defineCheck } from '../../src/check-api';
import { jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { judgeCause } from '../../src/diagnostics/glue/judge-cause';

/** 3.1 cause: the run failed on corrupt JSON in its input; ranked against the other two common causes from the evidence. */
export default defineCheck({
  id: 'cause-corrupt-json',
  title: 'Cause: Corrupt JSON',
  establishes: "The failed run's log signatures, input sample and capacity do not point at corrupt JSON; when they do, the cause is ranked against the other two.",
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJob', 'logs:FilterLogEvents', 's3:ListObjectsV2', 's3:GetObject'],
  params: jobRunParams,
  run: (ctx) => judgeCause(ctx, 'corrupt-json'),
});
