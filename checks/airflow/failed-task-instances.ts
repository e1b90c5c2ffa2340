import { defineCheck, evidence, fail, link, notConfigured, pass, skip } from '../../src/check-api';
import { airflowLinks } from '../../src/clients/airflow';
import { failedRunFocus } from '../../src/diagnostics/airflow/failed-run';

/** 3.5.3: the failed and upstream_failed task instances of the latest (failed) run. */
export default defineCheck({
  id: 'failed-task-instances',
  title: 'Identify the failing task',
  establishes: 'Which task instances of the latest run failed (the cause) and which are upstream_failed (their consequence).',
  kind: 'check',
  uses: ['airflow:GetDagRuns', 'airflow:GetTaskInstances'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const focus = await ctx.memo(['airflow:failed-run', settings.dagId, settings.recentRuns], () => failedRunFocus(client, settings.dagId, settings.recentRuns));
    if (focus.kind === 'in-progress') return focus.wait;
    if (focus.kind === 'none') return skip(focus.reason);
    const links = airflowLinks(client);
    const row = (t: (typeof focus.tasks)[number]) => ({ task: t.taskId, state: t.state, try: t.tryNumber, maxTries: t.maxTries, operator: t.operator, started: t.startDate, ended: t.endDate });
    const seen = [evidence('failed', focus.failed.map(row)), evidence('upstream_failed', focus.upstreamFailed.map(row)), evidence('run', focus.run.runId)];
    const taskLinks = focus.failed.map((t) => link(t.taskId, links.task(settings.dagId, focus.run.runId, t.taskId)));
    if (focus.failed.length === 0 && focus.upstreamFailed.length === 0) return pass(`run ${focus.run.runId} failed with every task instance healthy (a DAG-level failure)`, { evidence: seen, links: [link('run', links.run(settings.dagId, focus.run.runId))] });
    const consequence = focus.upstreamFailed.length ? `; ${focus.upstreamFailed.map((t) => t.taskId).join(', ')} upstream_failed as a consequence` : '';
    return fail(`failing task${focus.failed.length === 1 ? '' : 's'} in ${focus.run.runId}: ${focus.failed.map((t) => `${t.taskId} (try ${t.tryNumber}, ${t.maxTries ?? '?'} retries allowed)`).join(', ') || 'none'}${consequence}`, { evidence: seen, links: taskLinks });
  },
});
