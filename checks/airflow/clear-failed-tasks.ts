import { defineCheck, evidence, noLongerHolds, notConfigured, pass, skip, stillHolds, type ActionPlan } from '../../src/check-api';
import type { CheckResult } from '../../src/model';
import { failedRunFocus } from '../../src/diagnostics/airflow/failed-run';

/** The clear the preview shows, as `apply` sends it. */
const clearOf = (plan: ActionPlan) => plan.preview.calls[0]!.parameters as { dagId: string; dagRunId: string; taskIds: string[] };

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
    const request = { dagRunId: focus.run.runId, taskIds, includeDownstream: true };
    const wouldClear = await client.clearTaskInstances(settings.dagId, { ...request, dryRun: true });
    return {
      description: `clear ${wouldClear.map((t) => t.taskId).join(', ')} in ${settings.dagId} run ${focus.run.runId}`,
      preview: {
        calls: [{ operation: 'airflow:ClearTaskInstances', parameters: { dagId: settings.dagId, ...request, dryRun: false } }],
        expects: `${wouldClear.map((t) => t.taskId).join(', ')} in run ${focus.run.runId} go back to no state and the run to queued, so that the scheduler runs them again`,
      },
      evidence: [evidence('dag', settings.dagId), evidence('run', focus.run.runId), evidence('failed tasks', taskIds), evidence('tries', Object.fromEntries(focus.failed.map((t) => [t.taskId, t.tryNumber]))), evidence('would clear', wouldClear.map((t) => t.taskId))],
    };
  },
  /** Still failed: each task instance the plan would clear is in state failed. */
  async precondition(ctx, plan) {
    const { dagId, dagRunId, taskIds } = clearOf(plan);
    const tries = plan.evidence.find((e) => e.label === 'tries')!.value as Record<string, number>;
    const now = new Map((await ctx.clients.airflow().listTaskInstances(dagId, dagRunId)).map((ti) => [ti.taskId, ti]));
    const changed = taskIds.filter((id) => now.get(id)?.state !== 'failed');
    if (changed.length) return noLongerHolds(`${changed.map((id) => `${id} is ${now.get(id)?.state ?? 'gone'}`).join(', ')} in run ${dagRunId} now, no longer failed`);
    const retried = taskIds.filter((id) => now.get(id)!.tryNumber !== tries[id]);
    if (retried.length) return noLongerHolds(`${retried.map((id) => `${id} ran again since the preview (try ${tries[id]} → ${now.get(id)!.tryNumber})`).join(', ')} in run ${dagRunId}: look at that try first`);
    return stillHolds;
  },
  async apply(ctx, plan) {
    const { dagId, dagRunId, taskIds } = clearOf(plan);
    const runId = dagRunId;
    const cleared = await ctx.clients.airflow().clearTaskInstances(dagId, { dagRunId, taskIds, includeDownstream: true, dryRun: false });
    return pass(`cleared ${cleared.length} task instance(s) in ${runId}: the scheduler will run them again`, { evidence: [evidence('cleared', cleared.map((t) => t.taskId))] });
  },
});
