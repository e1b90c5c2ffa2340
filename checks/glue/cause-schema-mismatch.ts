import { defineCheck } from '../../src/check-api';
import { jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { judgeCause } from '../../src/diagnostics/glue/judge-cause';

/** 3.1 cause: the run failed because its input does not match the schema the job expects; ranked against the other two common causes from the evidence. */
export default defineCheck({
  id: 'cause-schema-mismatch',
  title: 'Cause: Schema mismatch',
  establishes: "The failed run's log signatures, input sample and capacity do not point at schema mismatch; when they do, the cause is ranked against the other two.",
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJob', 'logs:FilterLogEvents', 's3:ListObjectsV2', 's3:GetObject'],
  params: jobRunParams,
  run: (ctx) => judgeCause(ctx, 'schema-mismatch'),
});
