import { defineCheck, evidence, pass } from '../../src/check-api';
import { eachFailedRun, jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { logEventsConsoleUrl } from '../../src/diagnostics/glue/console-url';
import { argumentsEvidence } from '../../src/diagnostics/glue/run-arguments';

/** 3.1.1: finds the failed Glue run to open, with its console link, error message and log links. */
export default defineCheck({
  id: 'failed-job-run',
  title: 'Locate the failed Glue job run',
  establishes: 'The most recent failed run of each configured Glue job (or the run named by --param jobRunId) is found, with its console link and error message.',
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJobRun'],
  params: jobRunParams,
  run: (ctx) =>
    eachFailedRun(ctx, async ({ run, jobName, pipeline, region, consoleLink }) =>
      pass(`open Glue job ${jobName} run ${run.Id} (${run.JobRunState}): ${run.ErrorMessage ?? 'no error message'}`, {
        evidence: [
          evidence('job run', {
            job: jobName,
            id: run.Id ?? null,
            state: run.JobRunState ?? null,
            attempt: run.Attempt ?? 0,
            startedOn: run.StartedOn?.toISOString() ?? null,
            completedOn: run.CompletedOn?.toISOString() ?? null,
            executionTimeSeconds: run.ExecutionTime ?? null,
          }),
          evidence('error message', run.ErrorMessage ?? null),
          evidence('arguments', argumentsEvidence(run.Arguments)),
        ],
        links: [
          consoleLink,
          { label: `CloudWatch ${pipeline.logGroups.error} (${run.Id})`, url: logEventsConsoleUrl(region, pipeline.logGroups.error, run.Id ?? '') },
          { label: `CloudWatch ${pipeline.logGroups.output} (${run.Id})`, url: logEventsConsoleUrl(region, pipeline.logGroups.output, run.Id ?? '') },
        ],
      }),
    ),
});
