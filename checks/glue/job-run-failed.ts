import { defineCheck, evidence, fail, notConfigured, pass } from '../../src/check-api';
import { eachFailedRun, jobRunParams } from '../../src/diagnostics/glue/each-failed-run';

/** 3.1 symptom: a configured Glue job's most recent run in the look-back window FAILED. */
export default defineCheck({
  id: 'job-run-failed',
  title: 'No Glue job run failed recently',
  establishes: 'No run of the configured Glue jobs ended FAILED, TIMEOUT or ERROR within the look-back window.',
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJobRun'],
  params: jobRunParams,
  run: async (ctx) => {
    if (!ctx.config.pipeline) return notConfigured(ctx.environment, 'pipeline.glueJobs');
    const verdict = await eachFailedRun(ctx, async ({ run, jobName, consoleLink }) =>
      fail(`Glue job ${jobName} run ${run.Id} is ${run.JobRunState}: ${run.ErrorMessage ?? 'no error message'}`, {
        evidence: [
          evidence('job run', { id: run.Id ?? null, state: run.JobRunState ?? null, startedOn: run.StartedOn?.toISOString() ?? null, completedOn: run.CompletedOn?.toISOString() ?? null }),
          evidence('error message', run.ErrorMessage ?? null),
        ],
        links: [consoleLink],
      }),
    );
    // For a symptom, "nothing failed" is the healthy answer.
    return verdict.status === 'skip' ? pass(verdict.summary, { links: verdict.links }) : verdict;
  },
});
