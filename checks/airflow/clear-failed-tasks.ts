import { defineCheck, evidence, notConfigured, pass, skip, type ActionPlan } from '../../src/check-api';
import type { CheckResult } from '../../src/model';
import { failedRunFocus } from '../../src/diagnostics/airflow/failed-run';

/** 3.5.4: clears the failed task instances of the latest failed run (and what runs after them), so the scheduler re-runs them. Only with --fix. */
export default defineCheck({
  id: 'clear-failed-tasks',
  title: 'Re-run the failed task (clear it)',
  establishes: "A dry-run clear lists the task instances to re-run; with --fix the failed task and its downstream tasks are cleared and the run is queued again.",
  kind: 'action',
  uses: ['airflow:GetDagRuns', 'airflow:GetTaskInstances', 'airflow:ClearTaskInstances'],
  async plan(ctx): Promise<ActionPlan | CheckResult> {
    const settings = ctx.config.airflow;
    if (!settings) return notConfigured(ctx.environment, 'airflow');
    const client = ctx.clients.airflow();
    const focus = await ctx.memo(['airflow:failed-run', settings.dagId, settings.recentRuns], () => failedRunFocus(client, settings.dagId, settings.recentRuns));
    if (focus.kind === 'in-progress') return skip(`run ${focus.run.runId} of ${settings.dagId} is ${focus.run.state}: it is running already, wait for it before clearing again`);
    if (focus.kind === 'none') return skip(`${focus.reason}: nothing to re-run`);
    if (focus.failed.length === 0) return skip(`run ${focus.run.runId} has no failed task instance to clear`);
    const taskIds = focus.failed.map((t) => t.taskId);
    const wouldClear = await client.clearTaskInstances(settings.dagId, { dagRunId: focus.run.runId, taskIds, includeDownstream: true, dryRun: true });
    return {
      description: `clear ${wouldClear.map((t) => t.taskId).join(', ')} in ${settings.dagId} run ${focus.run.runId}`,
      evidence: [evidence('dag', settings.dagId), evidence('run', focus.run.runId), evidence('failed tasks', taskIds), evidence('would clear', wouldClear.map((t) => t.taskId))],
    };
  },
  async apply(ctx, plan) {
    const settings = ctx.config.airflow!;
    const runId = plan.evidence.find((e) => e.label === 'run')!.value as string;
    const taskIds = plan.evidence.find((e) => e.label === 'failed tasks')!.value as string[];
    const cleared = await ctx.clients.airflow().clearTaskInstances(settings.dagId, { dagRunId: runId, taskIds, includeDownstream: true, dryRun: false });
    return pass(`cleared ${cleared.length} task instance(s) in ${runId}: the scheduler will run them again`, { evidence: [evidence('cleared', cleared.map((t) => t.taskId))] });
  },
});
