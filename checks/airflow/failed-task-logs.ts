import { combineVerdicts, defineCheck, evidence, fail, link, notConfigured, skip, type SubjectVerdict } from '../../src/check-api';
import { airflowLinks, AirflowNotFoundError } from '../../src/clients/airflow';
import { failedTry } from '../../src/diagnostics/airflow/dag-runs';
import { failedRunFocus } from '../../src/diagnostics/airflow/failed-run';
import { logExcerpt } from '../../src/diagnostics/airflow/log-excerpt';

const maxTasks = 3;

/** 3.5.2: a bounded excerpt of the failed try's log of each failed task, with its error lines. */
export default defineCheck({
  id: 'failed-task-logs',
  title: 'Inspect the failed task logs',
  establishes: 'The log of the failed try of each failed task in the latest (failed) run, reduced to its error lines and last lines.',
  kind: 'check',
  uses: ['airflow:GetDagRuns', 'airflow:GetTaskInstances', 'airflow:GetLog'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const focus = await ctx.memo(['airflow:failed-run', settings.dagId, settings.recentRuns], () => failedRunFocus(client, settings.dagId, settings.recentRuns));
    if (focus.kind === 'in-progress') return focus.wait;
    if (focus.kind === 'none') return skip(`${focus.reason}: no failed task log to inspect`);
    if (focus.failed.length === 0) return fail(`run ${focus.run.runId} failed but no task instance is failed (a DAG-level failure: timeout or callback?)`, { evidence: [evidence('task states', focus.tasks.map((t) => ({ task: t.taskId, state: t.state })))] });
    const verdicts: SubjectVerdict[] = [];
    for (const task of focus.failed.slice(0, maxTasks)) {
      const tryNumber = failedTry(task.tryNumber);
      const links = [link(`${task.taskId} log`, airflowLinks(client).task(settings.dagId, focus.run.runId, task.taskId))];
      try {
        const log = await client.readTaskLog(settings.dagId, focus.run.runId, task.taskId, tryNumber, settings.maxLogBytes);
        const excerpt = logExcerpt(log.lines);
        const seen = [evidence('try', tryNumber), evidence('error lines', excerpt.errorLines), evidence('last lines', excerpt.tail), evidence('lines read', excerpt.totalLines), evidence('truncated', log.truncated)];
        const first = excerpt.errorLines[0];
        verdicts.push({
          subject: task.taskId,
          result: first
            ? fail(`try ${tryNumber} failed: ${first.replace(/^\[[^\]]*\]\s*/, '').replace(/\s*\n\s*/g, ' ').slice(0, 240)}`, { evidence: seen, links })
            : fail(`try ${tryNumber} failed with no error line in the ${excerpt.totalLines} lines read`, { evidence: seen, links }),
        });
      } catch (error) {
        if (!(error instanceof AirflowNotFoundError)) throw error;
        verdicts.push({ subject: task.taskId, result: fail(`try ${tryNumber} failed and its log is gone (${error.detail}): check the log storage`, { links }) });
      }
    }
    const result = combineVerdicts(verdicts);
    return focus.failed.length > maxTasks ? { ...result, evidence: [...result.evidence, evidence('more failed tasks not read', focus.failed.slice(maxTasks).map((t) => t.taskId))] } : result;
  },
});
