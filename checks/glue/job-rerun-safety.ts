import { combineVerdicts, defineCheck, error, evidence, fail, link, notConfigured, pass, type SubjectVerdict } from '../../src/check-api';
import { glueJobConsoleUrl } from '../../src/diagnostics/glue/console-url';
import { bookmarkOptions, judgeRerunSafety } from '../../src/diagnostics/glue/rerun-safety';
import { getJobOrNull } from '../../src/diagnostics/glue/run-input-sample';

/** 5.2, "Glue jobs can be re-executed safely": each pipeline job has job bookmarks on, or writes to a path keyed by the run's partition. */
export default defineCheck({
  id: 'job-rerun-safety',
  title: 'Glue jobs can be re-run without duplicating output',
  establishes: "Each of pipeline.glueJobs has --job-bookmark-option job-bookmark-enable in its default arguments, or an output path argument (practices.outputPathArgument) keyed by the run's partition ({run_date}).",
  kind: 'check',
  uses: ['glue:GetJob'],
  async run(ctx) {
    const jobs = ctx.config.pipeline?.glueJobs;
    if (!jobs) return notConfigured(ctx.environment, 'pipeline.glueJobs');
    const region = ctx.config.aws?.region ?? 'us-east-1';
    const outputArgument = ctx.config.practices?.outputPathArgument ?? '--output_path';
    const parts: SubjectVerdict[] = [];
    for (const name of jobs) {
      const links = [link(`Glue job ${name}`, glueJobConsoleUrl(region, name))];
      const job = await getJobOrNull(ctx, name);
      if (!job) {
        parts.push({ subject: name, result: fail(`Glue job ${name} does not exist`, { links }) });
        continue;
      }
      const defaults = job.DefaultArguments ?? {};
      const seen = [evidence('job', name), evidence('--job-bookmark-option', defaults['--job-bookmark-option'] ?? null), evidence(outputArgument, defaults[outputArgument] ?? null)];
      const safety = judgeRerunSafety(defaults, outputArgument);
      if (safety.kind === 'unknown-bookmark') {
        const problem = `Glue job ${name}: unexpected --job-bookmark-option "${safety.value}" in its default arguments, expected one of ${bookmarkOptions.join(', ')}`;
        parts.push({ subject: name, result: error(problem, new Error(problem), { evidence: seen, links }) });
      } else if (safety.kind === 'bookmarks') parts.push({ subject: name, result: pass(`job bookmarks on: a re-run skips the input already processed`, { evidence: seen, links }) });
      else if (safety.kind === 'partitioned-output') parts.push({ subject: name, result: pass(`writes to ${safety.outputPath}, keyed by the run's partition: a re-run replaces its own partition`, { evidence: seen, links }) });
      else {
        const bookmark = safety.bookmark ? `bookmarks are ${safety.bookmark.replace('job-bookmark-', '')}d` : 'bookmarks are off (no --job-bookmark-option)';
        const output = safety.outputPath ? `${outputArgument} ${safety.outputPath} is not keyed by the run's partition` : `no ${outputArgument} argument`;
        parts.push({ subject: name, result: fail(`${name} is not safe to re-run: ${bookmark} and ${output}, so a re-run writes its output twice`, { evidence: seen, links }) });
      }
    }
    return combineVerdicts(parts);
  },
});
