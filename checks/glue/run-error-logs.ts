import { defineCheck, evidence, fail, pass, warn } from '../../src/check-api';
import { logEventsConsoleUrl } from '../../src/diagnostics/glue/console-url';
import { eachFailedRun, jobRunParams } from '../../src/diagnostics/glue/each-failed-run';
import { countExceptionClasses } from '../../src/diagnostics/glue/exception-classes';
import { runErrorLines } from '../../src/diagnostics/glue/run-logs';
import { findSignatures } from '../../src/diagnostics/glue/signatures';

const shownLines = 20;

/** 3.1 symptom and 3.1.2: the failed run's error lines in CloudWatch Logs, exception classes counted, known signatures named. */
export default defineCheck({
  id: 'run-error-logs',
  title: "The failed Glue run's CloudWatch error lines",
  establishes: "The failed run's streams in the Glue error and output log groups hold no error lines; when they do, the exception classes and known failure signatures are reported.",
  kind: 'check',
  uses: ['glue:GetJobRuns', 'glue:GetJobRun', 'logs:FilterLogEvents'],
  params: jobRunParams,
  run: (ctx) =>
    eachFailedRun(ctx, async ({ run, pipeline, region, consoleLink }) => {
      const groups = [pipeline.logGroups.error, pipeline.logGroups.output];
      const read = await runErrorLines(ctx, run, pipeline);
      const messages = read.lines.map((line) => line.message);
      const signatures = findSignatures([...messages, run.ErrorMessage ?? '']);
      const exceptions = countExceptionClasses(messages);
      const links = [consoleLink, ...groups.map((group) => ({ label: `CloudWatch ${group} (${run.Id})`, url: logEventsConsoleUrl(region, group, run.Id ?? '') }))];
      const seen = [
        evidence('log groups', read.groups.map((g) => ({ ...g }))),
        evidence('error lines', read.lines.length),
        evidence('exception classes', exceptions),
        evidence('known signatures', signatures.map((s) => ({ ...s }))),
        evidence('first error lines', read.lines.slice(0, shownLines).map((l) => ({ stream: l.stream, at: new Date(l.timestamp).toISOString(), message: l.message.slice(0, 500) }))),
        evidence('bound', { maxEventsPerGroup: read.maxEvents, calls: read.calls }),
      ];
      if (read.lines.length > 0) {
        const named = signatures.filter((s) => s.strength === 'strong').map((s) => s.id);
        const top = exceptions[0]?.name;
        return fail(`${read.lines.length} error lines for run ${run.Id}${top ? `, mostly ${top}` : ''}${named.length ? `; signatures: ${named.join(', ')}` : ''}`, { evidence: seen, links });
      }
      if (read.groups.every((g) => g.status === 'missing')) {
        return warn(`no log group ${groups.join(' or ')}: is continuous logging enabled for the job?`, { evidence: seen, links });
      }
      return pass(`no error lines for run ${run.Id} in ${groups.join(', ')}`, { evidence: seen, links });
    }),
});
