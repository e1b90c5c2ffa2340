import { defineCheck, evidence, fail, link, notConfigured, pass, skip } from '../../src/check-api';
import { airflowLinks } from '../../src/clients/airflow';
import { describeRun, recentRuns, waitForDagRun } from '../../src/diagnostics/airflow/dag-runs';

/** 3.5 symptom: the latest run of the dbt DAG failed (one still queued or running is reported as such). */
export default defineCheck({
  id: 'dag-run-failed',
  title: 'Latest DAG run succeeded',
  establishes: 'The newest run of the configured DAG, in any state, ended without failing.',
  kind: 'check',
  uses: ['airflow:GetDagRuns'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const { latest } = await ctx.memo(['airflow:recent-runs', settings.dagId, settings.recentRuns], () => recentRuns(client, settings.dagId, settings.recentRuns));
    if (!latest) return skip(`DAG ${settings.dagId} has no runs yet`);
    const links = [link('DAG run', airflowLinks(client).run(settings.dagId, latest.runId))];
    const seen = [evidence('latest run', describeRun(latest))];
    const waiting = waitForDagRun(settings.dagId, latest, links);
    if (waiting) return waiting;
    if (latest.state === 'failed') return fail(`the latest run of ${settings.dagId} (${latest.runId}) failed`, { evidence: seen, links });
    return pass(`the latest run of ${settings.dagId} (${latest.runId}) is ${latest.state}`, { evidence: seen, links });
  },
});
