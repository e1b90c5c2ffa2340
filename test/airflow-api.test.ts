import './support/no-egress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirflowAuthError, AirflowMutationBlockedError, AirflowNotFoundError, createAirflowClient, type AirflowClient } from '../src/clients/airflow';
import type { AirflowTarget } from '../src/clients/targets';
import { sandboxAirflowToken } from '../src/sandbox/airflow/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { describeOutcomes, runInWorld } from './support/project';

let sandbox: Sandbox;
const dagId = 'amazon_reviews_dbt';
const target = (apiVersion: 'v1' | 'v2'): AirflowTarget => ({ baseUrl: `${sandbox.url}/airflow`, apiVersion, timeoutMs: 5_000 });

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'airflow-dbt-task-failed' });
});
afterAll(() => sandbox.stop());

describe.each(['v1', 'v2'] as const)('the Airflow REST client over %s against the sandbox', (version) => {
  const client = (): AirflowClient => createAirflowClient(target(version), { readOnly: true, env: { AIRFLOW_TOKEN: sandboxAirflowToken } });

  it('lists the DAG runs newest first, the failed one on top', async () => {
    const runs = await client().listDagRuns(dagId, { limit: 10 });
    expect(runs.map((r) => r.state)).toEqual(['failed', 'success', 'success']);
    expect(runs[0]!.runAfter).toBeTruthy();
  });

  it('filters runs by state', async () => {
    const runs = await client().listDagRuns(dagId, { limit: 10, states: ['success'] });
    expect(runs).toHaveLength(2);
  });

  it('reads the task instances and the failed try log with its error line', async () => {
    const api = client();
    const [run] = await api.listDagRuns(dagId, { limit: 1 });
    const tasks = await api.listTaskInstances(dagId, run!.runId);
    expect(tasks.find((t) => t.taskId === 'dbt_build')).toMatchObject({ state: 'failed', tryNumber: 2 });
    const log = await api.readTaskLog(dagId, run!.runId, 'dbt_build', 2, 64 * 1024);
    expect(log.lines.some((l) => l.level === 'error' && l.text.includes('dbt deps'))).toBe(true);
    expect(log.truncated).toBe(false);
  });

  it('keeps only the end of a log longer than the byte limit', async () => {
    const api = client();
    const [run] = await api.listDagRuns(dagId, { limit: 1 });
    const log = await api.readTaskLog(dagId, run!.runId, 'dbt_build', 2, 400);
    expect(log.truncated).toBe(true);
    expect(log.lines.at(-1)!.text).toMatch(/non-zero exit code 2/);
  });

  it(version === 'v2' ? 'a missing DAG is a typed not-found error' : 'a missing DAG has no runs, as Airflow 2 filters runs by the id without a 404', async () => {
    if (version === 'v2') await expect(client().listDagRuns('no_such_dag', { limit: 1 })).rejects.toBeInstanceOf(AirflowNotFoundError);
    else expect(await client().listDagRuns('no_such_dag', { limit: 1 })).toEqual([]);
  });

  it('a wrong token is a typed authentication error', async () => {
    const api = createAirflowClient(target(version), { readOnly: true, env: { AIRFLOW_TOKEN: 'wrong' } });
    await expect(api.listDagRuns(dagId, { limit: 1 })).rejects.toBeInstanceOf(AirflowAuthError);
  });

  it('username and password work too (basic auth on v1, exchanged for a token on v2)', async () => {
    const api = createAirflowClient(target(version), { readOnly: true, env: { AIRFLOW_USERNAME: 'airflow', AIRFLOW_PASSWORD: 'airflow' } });
    expect(await api.listDagRuns(dagId, { limit: 1 })).toHaveLength(1);
  });

  it('a read-only client may dry-run a clear but refuses a real one before sending it', async () => {
    const api = client();
    const [run] = await api.listDagRuns(dagId, { limit: 1 });
    sandbox.calls.clear();
    const wouldClear = await api.clearTaskInstances(dagId, { dagRunId: run!.runId, taskIds: ['dbt_build'], includeDownstream: true, dryRun: true });
    expect(wouldClear.map((t) => t.taskId).sort()).toEqual(['dbt_build', 'publish_dashboards']);
    await expect(api.clearTaskInstances(dagId, { dagRunId: run!.runId, taskIds: ['dbt_build'], includeDownstream: true, dryRun: false })).rejects.toBeInstanceOf(AirflowMutationBlockedError);
    expect(sandbox.calls.all().filter((c) => c.service === 'airflow').map((c) => c.operation)).toEqual(['ClearTaskInstances']);
    expect(sandbox.calls.mutations()).toEqual([]);
  });
});

describe('3.5 against the sandbox', () => {
  it('without --fix, 3.5 changes nothing in Airflow and the re-run step only shows what it would clear', async () => {
    const report = await runInWorld('airflow-dbt-task-failed', ['3.5.4']);
    const step = report.results.find((r) => r.step === '3.5.4')!;
    expect(step.status, describeOutcomes(report)).toBe('skip');
    expect(step.summary).toMatch(/^dry run: would clear dbt_build, publish_dashboards in amazon_reviews_dbt run scheduled__/);
  }, 60_000);

  it('with --fix, 3.5.4 clears the failed task and its downstream task, and says so', async () => {
    const report = await runInWorld('airflow-dbt-task-failed', ['3.5.4'], { fix: true });
    const step = report.results.find((r) => r.step === '3.5.4')!;
    expect(step.status, describeOutcomes(report)).toBe('pass');
    expect(step.evidence.find((e) => e.label === 'cleared')?.value).toEqual(['dbt_build', 'publish_dashboards']);
  }, 60_000);
});
