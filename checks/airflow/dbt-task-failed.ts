import { defineCheck, evidence, fail, link, notConfigured, pass, skip } from '../../src/check-api';
import { airflowLinks } from '../../src/clients/airflow';
import { recentRuns, waitForDagRun } from '../../src/diagnostics/airflow/dag-runs';

/** 3.5 symptom: the dbt task of the latest DAG run failed. */
export default defineCheck({
  id: 'dbt-task-failed',
  title: 'dbt task of the latest run succeeded',
  establishes: 'The configured dbt task of the newest DAG run is not failed or upstream_failed.',
  kind: 'check',
  uses: ['airflow:GetDagRuns', 'airflow:GetTaskInstances'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const { latest } = await ctx.memo(['airflow:recent-runs', settings.dagId, settings.recentRuns], () => recentRuns(client, settings.dagId, settings.recentRuns));
    if (!latest) return skip(`DAG ${settings.dagId} has no runs yet`);
    const waiting = waitForDagRun(settings.dagId, latest, [link('DAG run', airflowLinks(client).run(settings.dagId, latest.runId))]);
    if (waiting) return waiting;
    const task = (await client.listTaskInstances(settings.dagId, latest.runId)).find((ti) => ti.taskId === settings.dbtTaskId);
    if (!task) return fail(`run ${latest.runId} of ${settings.dagId} has no task ${settings.dbtTaskId}: check airflow.dbtTaskId`, { evidence: [evidence('run', latest.runId)] });
    const links = [link('dbt task', airflowLinks(client).task(settings.dagId, latest.runId, task.taskId))];
    const seen = [evidence('task instance', { ...task })];
    if (task.state === 'failed' || task.state === 'upstream_failed') {
      return fail(`${task.taskId} ${task.state === 'failed' ? 'failed' : 'is upstream_failed'} in run ${latest.runId} (try ${task.tryNumber})`, { evidence: seen, links });
    }
    return pass(`${task.taskId} is ${task.state ?? 'not yet scheduled'} in run ${latest.runId}`, { evidence: seen, links });
  },
});
