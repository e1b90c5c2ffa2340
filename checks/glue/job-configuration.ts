import { HeadObjectCommand, NotFound } from '@aws-sdk/client-s3';
import { combineVerdicts, defineCheck, evidence, fail, link, pass, skip, warn, type SubjectVerdict } from '../../src/check-api';
import { capacityOf } from '../../src/diagnostics/glue/capacity';
import { glueJobConsoleUrl } from '../../src/diagnostics/glue/console-url';
import { getJobOrNull } from '../../src/diagnostics/glue/run-input-sample';
import { parseS3Url } from '../../src/diagnostics/s3/s3-url';
import { glueJobReferences } from '../../src/diagnostics/stepfunctions/integrations';
import { withDefinition } from '../../src/diagnostics/stepfunctions/with-definition';

/** 3.2.5: every Glue job the state machine runs exists, its script is in S3, and its capacity settings are sane. */
export default defineCheck({
  id: 'job-configuration',
  title: "The state machine's Glue jobs are configured",
  establishes: 'Every Glue job named in the definition exists, its script object exists in S3, and its worker or DPU settings are valid for a Spark job.',
  kind: 'check',
  uses: ['sfn:DescribeStateMachine', 'glue:GetJob', 's3:HeadObject'],
  run: (ctx) =>
    withDefinition(ctx, async ({ tasks, region, consoleLink }) => {
      const references = glueJobReferences(tasks);
      if (references.length === 0) return skip('the definition runs no Glue job', { links: [consoleLink] });
      const parts: SubjectVerdict[] = [];
      for (const reference of references) {
        const subject = `${reference.state} → ${reference.jobName ?? reference.dynamicPath ?? '?'}`;
        if (!reference.jobName) {
          parts.push({ subject, result: skip(`the job name comes from the input (${reference.dynamicPath ?? 'JobName.$'}): it cannot be checked from the definition`) });
          continue;
        }
        const links = [link(`Glue job ${reference.jobName}`, glueJobConsoleUrl(region, reference.jobName))];
        const job = await getJobOrNull(ctx, reference.jobName);
        if (!job) {
          parts.push({ subject, result: fail(`Glue job ${reference.jobName} (state ${reference.state}) does not exist`, { links }) });
          continue;
        }
        const script = job.Command?.ScriptLocation ?? '';
        const capacity = capacityOf(undefined, job);
        const seen = [
          evidence('job', { name: reference.jobName, state: reference.state, role: job.Role ?? null, glueVersion: job.GlueVersion ?? null, command: job.Command?.Name ?? null }),
          evidence('script', script),
          evidence('capacity', { ...capacity }),
          evidence('timeout minutes', job.Timeout ?? null),
        ];
        const location = parseS3Url(script);
        let scriptProblem: string | null = null;
        if (!location || !location.prefix) scriptProblem = `its script location "${script}" is not an S3 object URL`;
        else {
          try {
            await ctx.clients.s3().send(new HeadObjectCommand({ Bucket: location.bucket, Key: location.prefix }), { abortSignal: ctx.signal });
          } catch (error) {
            if (!(error instanceof NotFound) && (error as Error).name !== 'NoSuchKey' && (error as Error).name !== 'NoSuchBucket') throw error;
            scriptProblem = `its script ${script} does not exist`;
          }
        }
        if (scriptProblem) parts.push({ subject, result: fail(`Glue job ${reference.jobName}: ${scriptProblem}`, { evidence: seen, links }) });
        else if (capacity.problems.length) parts.push({ subject, result: fail(`Glue job ${reference.jobName}: ${capacity.problems.join('; ')}`, { evidence: seen, links }) });
        else if (!job.Timeout || job.Timeout >= 2880) parts.push({ subject, result: warn(`Glue job ${reference.jobName} keeps the default 48-hour timeout: a hung run blocks the pipeline for two days`, { evidence: seen, links }) });
        else parts.push({ subject, result: pass(`Glue job ${reference.jobName} exists, its script is in S3, ${capacity.workers ?? capacity.maxCapacity} ${capacity.workerType ?? 'DPU'} configured`, { evidence: seen, links }) });
      }
      return combineVerdicts(parts);
    }),
});
