import type { ServiceEnv } from '../core/service';
import type { Dag, DagRun, TaskInstance } from '../airflow/state';
import { sandboxCredentials } from '../credentials';
import type { SandboxStates } from '../states';
import { evaluateDbtBuild, type DbtLogLine } from './dbt-build';
import { schedule } from './state';

type Env = ServiceEnv<SandboxStates>;

/** The environment the Airflow worker's dbt runs with: the sandbox's Snowflake, as `npm run sandbox` announces it. */
function workerEnvironment(baseUrl: string): Record<string, string> {
  const port = new URL(baseUrl).port;
  const { account, username, password } = sandboxCredentials.snowflake;
  return { SNOWFLAKE_ACCOUNT: account, SNOWFLAKE_USER: username, SNOWFLAKE_PASSWORD: password, SNOWFLAKE_HOST: '127.0.0.1', SNOWFLAKE_PORT: port, SNOWFLAKE_PROTOCOL: 'http' };
}

/** The cleared tasks in the order the scheduler runs them: every task after the tasks it waits for. */
function inDependencyOrder(dag: Dag, taskIds: readonly string[]): string[] {
  const ordered: string[] = [];
  const visit = (task: string, depth = 0) => {
    if (ordered.includes(task) || depth > 100) return;
    for (const upstream of dag.tasks[task]?.upstream ?? []) if (taskIds.includes(upstream)) visit(upstream, depth + 1);
    ordered.push(task);
  };
  taskIds.forEach((task) => visit(task));
  return ordered;
}

/** Runs one cleared task: the dbt task runs dbt against the world's project, any other task runs when its upstream succeeded. */
function runTask(env: Env, dag: Dag, run: DagRun, ti: TaskInstance, at: Date): void {
  const upstream = (dag.tasks[ti.taskId]?.upstream ?? []).map((id) => run.tasks.get(id)?.state);
  if (upstream.some((state) => state !== 'success' && state !== 'skipped')) {
    ti.state = 'upstream_failed';
    ti.endDate = at.toISOString();
    return;
  }
  const dbt = env.states.work.programs.dbt;
  const port = Number(new URL(env.baseUrl).port);
  const outcome = dbt && dbt.dag === dag.dagId && dbt.task === ti.taskId
    ? evaluateDbtBuild(env.states.dbt.project?.projectDir ?? null, port, workerEnvironment(env.baseUrl))
    : { succeeded: true, lines: [{ level: 'INFO', source: 'taskinstance.py:340', event: 'Task exited with return code 0' }] as DbtLogLine[] };
  ti.tryNumber += 1;
  ti.startDate = at.toISOString();
  ti.endDate = at.toISOString();
  ti.state = outcome.succeeded ? 'success' : 'failed';
  const failure = outcome.succeeded ? [] : [{ level: 'ERROR' as const, source: 'taskinstance.py:3313', event: 'Task failed with exception: airflow.exceptions.AirflowException: Bash command failed. The command returned a non-zero exit code.' }];
  ti.logs[String(ti.tryNumber)] = [...outcome.lines, ...failure].map((line, index) => ({ ...line, at: new Date(at.getTime() + index).toISOString() }));
}

/**
 * The work of cleared task instances: the scheduler runs them again when the work ends, against the world as it is
 * then (the dbt project on disk, its packages and its profile), and the DAG run ends failed or successful with them.
 */
export function scheduleClearedTasks(env: Env, dag: Dag, cleared: ReadonlyArray<{ runId: string; taskId: string }>): void {
  for (const runId of new Set(cleared.map((c) => c.runId))) {
    const run = dag.runs.find((r) => r.runId === runId);
    if (!run) continue;
    const taskIds = cleared.filter((c) => c.runId === runId).map((c) => c.taskId);
    schedule(env.states.work, env.clock.now(), `re-run of ${taskIds.join(', ')} in ${dag.dagId} ${runId}`, (later) => {
      const at = later.clock.now();
      for (const taskId of inDependencyOrder(dag, taskIds)) {
        const ti = run.tasks.get(taskId);
        if (ti) runTask(later, dag, run, ti, at);
      }
      const states = [...run.tasks.values()].map((ti) => ti.state);
      run.state = states.some((state) => state === 'failed' || state === 'upstream_failed') ? 'failed' : 'success';
      run.endDate = at.toISOString();
    });
  }
}
