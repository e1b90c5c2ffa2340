import { defineCheck, error, evidence, fail, link, notConfigured, pass } from '../../src/check-api';
import { airflowLinks } from '../../src/clients/airflow';
import { transitivelyDownstream } from '../../src/diagnostics/airflow/dag-tasks';

/** 6.4, "Validate dbt tests before publishing dashboards": in the DAG, the publishing task runs only after the dbt task that tests. */
export default defineCheck({
  id: 'tests-gate-publishing',
  title: 'Dashboards publish only after the dbt tests',
  establishes: "In airflow.dagId, practices.publishTaskId is downstream (directly or through other tasks) of airflow.dbtTaskId, the task that runs dbt's tests.",
  kind: 'check',
  uses: ['airflow:GetTasks'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const publish = ctx.config.practices?.publishTaskId;
    if (!publish) return notConfigured(ctx.environment, 'practices.publishTaskId');
    const client = ctx.clients.airflow();
    const tasks = await client.listTasks(settings.dagId);
    const links = [link(`DAG ${settings.dagId}`, airflowLinks(client).dag(settings.dagId))];
    const ids = tasks.map((task) => task.taskId);
    const seen = [evidence('tasks', tasks.map((task) => ({ task: task.taskId, operator: task.operator, downstream: [...task.downstream] })))];
    for (const [key, id] of [['airflow.dbtTaskId', settings.dbtTaskId], ['practices.publishTaskId', publish]] as const) {
      if (!ids.includes(id)) return error(`DAG ${settings.dagId} has no task ${id} (${key}), expected one of ${ids.join(', ') || '(no tasks)'}`, new Error(`no task ${id}`), { evidence: seen, links });
    }
    const after = transitivelyDownstream(tasks, settings.dbtTaskId);
    seen.push(evidence(`downstream of ${settings.dbtTaskId}`, [...after]));
    if (!after.has(publish)) return fail(`${publish} is not downstream of ${settings.dbtTaskId}: the dashboards publish whether or not the dbt tests pass`, { evidence: seen, links });
    return pass(`${publish} runs only after ${settings.dbtTaskId}: failing dbt tests stop the dashboards from publishing`, { evidence: seen, links });
  },
});
