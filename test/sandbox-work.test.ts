import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { GetJobRunsCommand } from '@aws-sdk/client-glue';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { createServiceClients, type ServiceClients } from '../src/clients';
import { validateConfig } from '../src/config';
import { sandboxTargets } from '../src/runner/environment';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { resolveDateTemplates as dated } from '../src/sandbox/world/relative-time';

const config = validateConfig(projectConfig).environments.sandbox!;
// The worlds name today's execution and its input by the day of now-2h, as their sfn.json and s3.json do.
const executionArn = `arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:${dated('daily-{now-2h:YYYY-MM-DD}')}`;
const owner = 'review-analytics';
const repo = 'platform-infra';

let sandbox: Sandbox | undefined;
let clients: ServiceClients | undefined;
afterEach(async () => {
  await clients?.close();
  await sandbox?.stop();
  sandbox = clients = undefined;
});

/** A sandbox whose re-runs end at the next request, and writable clients of the project's own factory on it. */
async function open(world: string): Promise<ServiceClients> {
  sandbox = await startSandbox({ world, workSeconds: 0 });
  clients = createServiceClients(sandboxTargets(sandbox, config), { readOnly: false });
  return clients;
}

describe('sandbox actions re-run the work against the world: they fail again while the cause is there', () => {
  // Before: the redrive left the execution RUNNING for ever, and the symptom checks read the day before's success.
  it('a redrive runs the Glue job over the current input: FAILED again on the corrupt file, SUCCEEDED once PutObject replaced it', async () => {
    const c = await open('glue-corrupt-json');
    const redriveAndRead = async () => {
      await c.sfn().send(new RedriveExecutionCommand({ executionArn }));
      const execution = await c.sfn().send(new DescribeExecutionCommand({ executionArn }));
      const [run] = (await c.glue().send(new GetJobRunsCommand({ JobName: 'arai-raw-to-processed', MaxResults: 1 }))).JobRuns ?? [];
      return { execution, run };
    };
    const again = await redriveAndRead();
    expect(again.execution).toMatchObject({ status: 'FAILED', redriveCount: 1, error: 'States.TaskFailed' });
    expect(again.run).toMatchObject({ JobRunState: 'FAILED', ErrorMessage: expect.stringContaining('Malformed records are detected in record parsing. Parse Mode: FAILFAST') });
    const clean = '{"overall": 5.0, "reviewerID": "A1", "asin": "B1", "reviewText": "fine", "unixReviewTime": 1764115200}\n';
    await c.s3().send(new PutObjectCommand({ Bucket: 'arai-raw', Key: dated('reviews/ingest={now-2h:YYYY-MM-DD}/part-00001.json'), Body: clean }));
    const repaired = await redriveAndRead();
    expect(repaired.execution).toMatchObject({ status: 'SUCCEEDED', redriveCount: 2 });
    expect(repaired.run).toMatchObject({ JobRunState: 'SUCCEEDED' });
    expect(repaired.run!.Id).not.toBe(again.run!.Id);
  });

  // Before: the re-run stayed queued; nothing evaluated the lock.
  it('a GitHub re-run runs Terraform against the lock table: the plan fails while the lock item is there, the run succeeds once it is deleted', async () => {
    const c = await open('terraform-stale-lock');
    const github = await c.github();
    const rerunAndRead = async () => {
      await github.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: 7002 });
      const { data: run } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: 7002 });
      const { data: jobs } = await github.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 7002 });
      return { run, jobs: jobs.jobs.map((job) => [job.name, job.conclusion]) };
    };
    const again = await rerunAndRead();
    expect(again.run).toMatchObject({ status: 'completed', conclusion: 'failure', run_attempt: 2 });
    expect(again.jobs).toEqual([['plan', 'failure'], ['apply', 'skipped']]);
    await c.dynamodb().send(new DeleteItemCommand({ TableName: 'terraform-state-lock', Key: { LockID: { S: 'review-analytics-tfstate/platform/terraform.tfstate' } } }));
    const repaired = await rerunAndRead();
    expect(repaired.run).toMatchObject({ status: 'completed', conclusion: 'success', run_attempt: 3 });
    expect(repaired.jobs).toEqual([['plan', 'success'], ['apply', 'success']]);
  });

  it('a GitHub re-run of an apply the CI role may not do fails again on the same AccessDenied', async () => {
    const github = await (await open('terraform-ci-access-denied')).github();
    await github.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: 7002 });
    const { data: run } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: 7002 });
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', run_attempt: 2 });
    const apply = (await github.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: 7002 })).data.jobs.find((job) => job.name === 'apply')!;
    const log = String((await github.rest.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: apply.id })).data);
    expect(log).toMatch(/is not authorized to perform: glue:UpdateJob/);
  });

  // Before: the clear turned the task and the run green at once, whatever dbt would have done.
  it('a cleared Airflow task runs dbt over the project on disk: fails while packages.yml asks for an uninstalled package, succeeds once dbt_packages holds it', async () => {
    const airflow = (await open('airflow-dbt-task-failed')).airflow();
    const clearAndRead = async () => {
      const [failed] = await airflow.listDagRuns('amazon_reviews_dbt', { limit: 1 });
      await airflow.clearTaskInstances('amazon_reviews_dbt', { dagRunId: failed!.runId, taskIds: ['dbt_build'], includeDownstream: true, dryRun: false });
      const [run] = await airflow.listDagRuns('amazon_reviews_dbt', { limit: 1 });
      const tasks = await airflow.listTaskInstances('amazon_reviews_dbt', run!.runId);
      return { run: run!, tasks: Object.fromEntries(tasks.map((t) => [t.taskId, t.state])), dbt: tasks.find((t) => t.taskId === 'dbt_build')! };
    };
    const again = await clearAndRead();
    expect(again.run.state).toBe('failed');
    expect(again.tasks).toMatchObject({ dbt_build: 'failed', publish_dashboards: 'upstream_failed' });
    const log = await airflow.readTaskLog('amazon_reviews_dbt', again.run.runId, 'dbt_build', again.dbt.tryNumber, 100_000);
    expect(log.lines.map((l) => l.text).join('\n')).toMatch(/dbt found 1 package\(s\) specified in packages\.yml, but only 0 package\(s\) installed in dbt_packages/);
    const installed = path.join(sandbox!.environment().DBT_PROJECT_DIR!, 'dbt_packages', 'dbt_utils');
    mkdirSync(installed, { recursive: true });
    writeFileSync(path.join(installed, 'dbt_project.yml'), "name: dbt_utils\nversion: '1.3.0'\nconfig-version: 2\n");
    const repaired = await clearAndRead();
    expect(repaired.run.state).toBe('success');
    expect(Object.values(repaired.tasks).every((state) => state === 'success')).toBe(true);
  });

  // Before: the refresh registered every file although Snowflake could not read the bucket.
  it('a manual refresh through a disabled storage integration is refused, as Snowflake refuses it', async () => {
    const session = await (await open('storage-integration-disabled')).snowflake();
    await expect(session.query('ALTER EXTERNAL TABLE ANALYTICS.RAW.REVIEWS_EXT REFRESH')).rejects.toThrow(/Storage integration ARAI_S3_INTEGRATION is disabled/);
  });
});
