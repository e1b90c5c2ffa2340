import { defineCheck, evidence, link, notConfigured, pass, skip } from '../../src/check-api';
import { airflowLinks } from '../../src/clients/airflow';
import { describeRun, recentRuns, waitForDagRun } from '../../src/diagnostics/airflow/dag-runs';

/** 3.5.1: finds the latest failed run of the DAG and links to it in the Airflow UI. */
export default defineCheck({
  id: 'latest-failed-dag-run',
  title: 'Open the latest failed DAG run in the Airflow UI',
  establishes: 'The latest failed run of the configured DAG among its recent runs, with an Airflow UI deep link.',
  kind: 'check',
  uses: ['airflow:GetDagRuns'],
  async run(ctx) {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const links = airflowLinks(client);
    const found = await ctx.memo(['airflow:recent-runs', settings.dagId, settings.recentRuns], () => recentRuns(client, settings.dagId, settings.recentRuns));
    const waiting = found.latest && waitForDagRun(settings.dagId, found.latest, [link('DAG run', links.run(settings.dagId, found.latest.runId))]);
    if (waiting) return waiting;
    if (!found.latestFailed) {
      return skip(`no failed run among the last ${found.searched} runs of ${settings.dagId}`, { links: [link('DAG', links.dag(settings.dagId))] });
    }
    const run = found.latestFailed;
    const since = found.succeededSince.length ? `; ${found.succeededSince.length} later run(s) succeeded` : '';
    return pass(`latest failed run of ${settings.dagId}: ${run.runId} (ended ${run.endDate ?? 'unknown'})${since}`, {
      evidence: [evidence('failed run', describeRun(run)), evidence('later successful runs', found.succeededSince.map((r) => r.runId))],
      links: [link('failed DAG run', links.run(settings.dagId, run.runId)), link('DAG', links.dag(settings.dagId))],
    });
  },
});
