import { defineCheck } from '../../src/check-api';
import { jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { judgeCause } from '../../src/diagnostics/glue/judge-cause';

/** 3.1 cause: the run ran out of memory for its input; ranked against the other two common causes from the evidence. */
export default defineCheck({
  id: 'cause-memory-too-low',
  title: 'Cause: Memory configuration too low',
  establishes: "The failed run's log signatures, input sample and capacity do not point at a memory configuration too low; when they do, the cause is ranked against the other two.",
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJob', 'logs:FilterLogEvents', 's3:ListObjectsV2', 's3:GetObject'],
  params: jobRunParams,
  run: (ctx) => judgeCause(ctx, 'memory'),
});
