import type { SandboxRequest, SandboxResponse } from '../core/http';
import type { CallInfo, ServiceEnv } from '../core/service';
import { findExecution } from '../sfn/lookup';
import type { SandboxStates } from '../states';
import { scheduleClearedTasks } from './airflow-rerun';
import { scheduleExecutionRun } from './execution-run';
import { scheduleTerraformRerun } from './terraform-rerun';

function jsonOf(body: Buffer | string | undefined): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : (body ?? '{}')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Starts the work an action asked for, once its service accepted it: a redrive or a new execution runs its Glue
 * jobs, a clear runs the cleared tasks, a GitHub re-run runs the Terraform jobs. Each is evaluated later against the
 * world as it is then; the operations themselves only record that the action happened.
 */
export function startWorkOf(service: string, call: CallInfo, request: SandboxRequest, response: SandboxResponse, env: ServiceEnv<SandboxStates>): void {
  if (!call.mutates || response.status >= 300) return;
  if (service === 'sfn' && (call.operation === 'RedriveExecution' || call.operation === 'StartExecution')) {
    const arn = String((call.operation === 'RedriveExecution' ? jsonOf(request.body) : jsonOf(response.body)).executionArn ?? '');
    const lookup = findExecution(env.states.sfn, arn);
    if ('found' in lookup) scheduleExecutionRun(env, lookup.found.machine, lookup.found.execution, call.operation === 'RedriveExecution' ? 'redrive' : 'start');
    return;
  }
  if (service === 'airflow' && call.operation === 'ClearTaskInstances') {
    const dagId = decodeURIComponent(/\/dags\/([^/]+)\/clearTaskInstances$/.exec(request.url.pathname)?.[1] ?? '');
    const dag = env.states.airflow.dags.get(dagId);
    const cleared = ((jsonOf(response.body).task_instances as Array<{ task_id?: string; dag_run_id?: string }> | undefined) ?? []).map((ti) => ({ taskId: String(ti.task_id), runId: String(ti.dag_run_id) }));
    if (dag) scheduleClearedTasks(env, dag, cleared);
    return;
  }
  if (service === 'github' && call.operation === 'ReRunWorkflowFailedJobs') {
    const match = /\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/rerun-failed-jobs$/.exec(request.url.pathname);
    const repo = match ? env.states.github.repositories.get(`${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`.toLowerCase()) : undefined;
    const run = repo?.runs.find((r) => r.id === Number(match?.[3]));
    if (repo && run) scheduleTerraformRerun(env, repo, run);
  }
}
