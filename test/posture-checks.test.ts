// The checks of runbook sections 5 and 6, each through the sandbox with the real SDK clients over HTTP: healthy meets
// every practice, each shipped posture world breaks its own, and small custom worlds reach the other branches.
import './support/no-egress';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import changesOutsideCi from '../checks/cloudtrail/changes-outside-ci';
import testsGatePublishing from '../checks/airflow/tests-gate-publishing';
import rerunnableModels from '../checks/dbt/rerunnable-models';
import applyRequiresReview from '../checks/github/apply-requires-review';
import jobRerunSafety from '../checks/glue/job-rerun-safety';
import leastPrivilegeRoles from '../checks/iam/least-privilege-roles';
import controlledRetries from '../checks/stepfunctions/controlled-retries';
import stateLockBackend from '../checks/terraform/state-lock-backend';
import { checkHarness, customWorlds, evidenceOf, sandboxConfig } from './support/check-harness';

const checks = [controlledRetries, jobRerunSafety, rerunnableModels, stateLockBackend, changesOutsideCi, applyRequiresReview, testsGatePublishing, leastPrivilegeRoles];
const repo = 'review-analytics/platform-infra';
const ciSession = 'arn:aws:sts::123456789012:assumed-role/github-actions-terraform/GitHubActions';

describe('the posture checks in the shipped worlds', () => {
  let h: Awaited<ReturnType<typeof checkHarness>>;
  beforeAll(async () => (h = await checkHarness('healthy')));
  afterAll(() => h.close());

  it.each(checks.map((check) => [check.id, check] as const))('healthy: %s passes', async (_, check) => {
    await h.load('healthy');
    const result = await h.run(check);
    expect(result.status, result.summary).toBe('pass');
  });

  it('healthy: 6.1 counts the CI role\'s writes and leaves out reads, AWS services, other resources and events older than the window', async () => {
    await h.load('healthy');
    const result = await h.run(changesOutsideCi);
    expect(evidenceOf(result, 'by the CI role')).toBe(3);
    expect(evidenceOf(result, 'on platform resources')).toBe(4);
    expect(evidenceOf(result, 'outside CI')).toEqual([]);
    expect(h.sandbox.calls.all().filter((c) => c.service === 'cloudtrail').map((c) => c.operation)).toContain('LookupEvents');
  });

  it('healthy: 6.5 reads inline and attached policies, judging AWS managed ones for Action "*" only', async () => {
    await h.load('healthy');
    h.sandbox.calls.clear();
    const result = await h.run(leastPrivilegeRoles);
    expect(evidenceOf(result, 'arai-glue-role · policies')).toEqual(['inline read-raw-write-processed', 'attached arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole (AWS managed)']);
    const operations = new Set(h.sandbox.calls.all().filter((c) => c.service === 'iam').map((c) => c.operation));
    expect([...operations].sort()).toEqual(['GetPolicy', 'GetPolicyVersion', 'GetRolePolicy', 'ListAttachedRolePolicies', 'ListRolePolicies']);
  });

  it('manual-change-outside-ci: 6.1 fails naming the operation, the resource and the SSO session that made it', async () => {
    await h.load('manual-change-outside-ci');
    const result = await h.run(changesOutsideCi);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^1 change to platform resources outside CI\/CD in the last 24 h: glue:UpdateJob on arai-raw-to-processed by arn:aws:sts::123456789012:assumed-role\/AWSReservedSSO_AdministratorAccess_9a8b7c6d5e4f3a21\/sam at /);
  });

  it('apply-without-review: 6.2 fails: the environment the apply job deploys to has no required reviewers', async () => {
    await h.load('apply-without-review');
    const result = await h.run(applyRequiresReview);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('environment production has no required reviewers: the apply job runs without anyone approving the plan');
    expect(evidenceOf(result, 'protection rules')).toEqual([]);
  });

  it('wildcard-iam-policy: 6.5 fails naming the role, the attached policy, its statement and the write actions on every resource', async () => {
    await h.load('wildcard-iam-policy');
    const result = await h.run(leastPrivilegeRoles);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('arai-glue-role: attached arn:aws:iam::123456789012:policy/arai-glue-debug-access (DebugEverything) allows s3:PutObject, s3:DeleteObject, glue:* on every resource');
  });

  it('incremental-model-without-unique-key: 5.4 fails naming the model and its file', async () => {
    await h.load('incremental-model-without-unique-key');
    const result = await h.run(rerunnableModels);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^incremental model without a unique_key: fct_reviews \(models\/marts\/fct_reviews\.sql\); a re-run appends the same rows again/);
  });

  it('sfn-no-retry: 5.1 fails where 3.2\'s note only warns, with the same judgement', async () => {
    await h.load('sfn-no-retry');
    const result = await h.run(controlledRetries);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^no Retry on /);
  });
});

describe('the posture checks in small custom worlds, for branches the shipped worlds do not reach', () => {
  const manyCiWrites = Object.fromEntries(
    Array.from({ length: 120 }, (_, i) => [`ci-${i}`, { eventTime: `now-${10 + i}m`, eventSource: 'glue.amazonaws.com', eventName: 'UpdateJob', readOnly: false, principal: ciSession, resources: [{ type: 'AWS::Glue::Job', name: 'arai-raw-to-processed' }] }]),
  );
  const dir = customWorlds({
    'glue-unsafe': { glue: { jobs: { 'arai-raw-to-processed': { DefaultArguments: { '--job-bookmark-option': 'job-bookmark-disable' } }, 'arai-processed-compact': { DefaultArguments: { '--output_path': 's3://arai-processed/compact/' } } } } },
    'glue-bad-bookmark': { glue: { jobs: { 'arai-raw-to-processed': { DefaultArguments: { '--job-bookmark-option': 'yes' } } } } },
    'backend-without-table': { github: { repositories: { [repo]: { files: { 'terraform/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "review-analytics-tfstate"\n    # dynamodb_table = "terraform-state-lock"\n    key = "platform/terraform.tfstate"\n  }\n}\n' } } } } },
    'backend-missing-table': { github: { repositories: { [repo]: { files: { 'terraform/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "review-analytics-tfstate"\n    dynamodb_table = "tf-locks"\n  }\n}\n' } } } } },
    'backend-wrong-key': {
      github: { repositories: { [repo]: { files: { 'terraform/backend.tf': 'terraform {\n  backend "s3" {\n    dynamodb_table = "locks-by-id"\n  }\n}\n' } } } },
      dynamodb: { tables: { 'locks-by-id': { hashKey: 'Id', items: {} } } },
    },
    'apply-without-environment': { github: { repositories: { [repo]: { files: { '.github/workflows/terraform.yml': 'name: Terraform\non: push\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps: []\n  apply:\n    needs: plan\n    runs-on: ubuntu-latest\n    steps: []\n' } } } } },
    'environment-deleted': { github: { repositories: { [repo]: { environments: { production: null } } } } },
    'busy-trail': { cloudtrail: { events: { ...manyCiWrites, 'late-console-change': { eventTime: 'now-20h', eventSource: 'iam.amazonaws.com', eventName: 'PutRolePolicy', readOnly: false, principal: 'arn:aws:iam::123456789012:user/jo', resources: [{ type: 'AWS::IAM::Role', name: 'arai-glue-role' }] } } } },
    'publish-before-tests': { airflow: { dags: { amazon_reviews_dbt: { tasks: { publish_dashboards: { operator: 'PythonOperator', upstream: ['dbt_source_freshness'] } } } } } },
    'publish-through-extracts': {
      airflow: { dags: { amazon_reviews_dbt: { tasks: { refresh_extracts: { operator: 'PythonOperator', upstream: ['dbt_build'] }, publish_dashboards: { operator: 'PythonOperator', upstream: ['refresh_extracts'] } } } } },
    },
    'inline-not-action': { iam: { roles: { 'arai-sfn-role': { policies: { 'break-glass': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] } } } } } },
  });
  let h: Awaited<ReturnType<typeof checkHarness>>;
  beforeAll(async () => (h = await checkHarness('healthy', dir)));
  afterAll(async () => (await h.close(), rmSync(dir, { recursive: true, force: true })));

  it('5.2 fails naming each job that neither keeps bookmarks nor writes a partition-keyed path', async () => {
    await h.load('glue-unsafe');
    const result = await h.run(jobRerunSafety);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('arai-raw-to-processed is not safe to re-run: bookmarks are disabled and --output_path s3://arai-processed/reviews/ is not keyed by the run\'s partition');
    expect(result.summary).toContain('arai-processed-compact is not safe to re-run: bookmarks are off (no --job-bookmark-option) and --output_path s3://arai-processed/compact/ is not keyed');
  });

  it('5.2 reports an unknown --job-bookmark-option as an error naming the job, the value and the valid ones, never a pass', async () => {
    await h.load('glue-bad-bookmark');
    const result = await h.run(jobRerunSafety);
    expect(result.status).toBe('error');
    expect(result.summary).toContain('Glue job arai-raw-to-processed: unexpected --job-bookmark-option "yes" in its default arguments, expected one of job-bookmark-enable, job-bookmark-disable, job-bookmark-pause');
  });

  it('5.5 fails when the backend names no lock table (a commented-out line does not count), or one that does not exist, or one not keyed by LockID', async () => {
    await h.load('backend-without-table');
    expect((await h.run(stateLockBackend)).summary).toBe('the S3 backend in terraform/backend.tf sets no dynamodb_table: two applies can write the state at once');
    await h.load('backend-missing-table');
    expect(await h.run(stateLockBackend)).toMatchObject({ status: 'fail', summary: expect.stringContaining('lock table tf-locks, which does not exist') });
    await h.load('backend-wrong-key');
    expect(await h.run(stateLockBackend)).toMatchObject({ status: 'fail', summary: expect.stringContaining('lock table locks-by-id is keyed by Id (S), not the string LockID') });
  });

  it('6.2 fails when the apply job names no environment, or names one that does not exist', async () => {
    await h.load('apply-without-environment');
    expect(await h.run(applyRequiresReview)).toMatchObject({ status: 'fail', summary: expect.stringContaining('the apply job of .github/workflows/terraform.yml names no environment') });
    await h.load('environment-deleted');
    expect(await h.run(applyRequiresReview)).toMatchObject({ status: 'fail', summary: expect.stringContaining('environment production does not exist') });
  });

  it('6.2 reports an apply job the workflow does not have as an error listing its jobs', async () => {
    await h.load('healthy');
    const result = await h.run(applyRequiresReview, { env: { ...sandboxConfig, practices: { ...sandboxConfig.practices!, applyJob: 'deploy' } } });
    expect(result).toMatchObject({ status: 'error', summary: '.github/workflows/terraform.yml has no job "deploy" (practices.applyJob), expected one of plan, apply' });
  });

  it('6.1 pages through the event history and finds a change outside CI behind 120 CI writes', async () => {
    await h.load('busy-trail');
    h.sandbox.calls.clear();
    const result = await h.run(changesOutsideCi);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('iam:PutRolePolicy on arai-glue-role by arn:aws:iam::123456789012:user/jo');
    expect(h.sandbox.calls.all().filter((c) => c.service === 'cloudtrail')).toHaveLength(3);
    expect(evidenceOf(result, 'by the CI role')).toBe(123);
  });

  it('6.1 warns, not passes, when the look-up stops at its cap before the window ends', async () => {
    await h.load('busy-trail');
    const result = await h.run(changesOutsideCi, { env: { ...sandboxConfig, practices: { ...sandboxConfig.practices!, maxTrailEvents: 50 } } });
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/stopped at its cap of 50/);
  });

  it('6.4 fails when the publishing task does not wait for the dbt task, and follows downstream edges through other tasks', async () => {
    await h.load('publish-before-tests');
    expect(await h.run(testsGatePublishing)).toMatchObject({ status: 'fail', summary: expect.stringContaining('publish_dashboards is not downstream of dbt_build') });
    await h.load('publish-through-extracts');
    const result = await h.run(testsGatePublishing);
    expect(result.status).toBe('pass');
    expect(evidenceOf(result, 'downstream of dbt_build')).toEqual(['refresh_extracts', 'publish_dashboards']);
  });

  it('6.4 reports a configured task the DAG does not have as an error listing its tasks', async () => {
    await h.load('healthy');
    const result = await h.run(testsGatePublishing, { env: { ...sandboxConfig, practices: { ...sandboxConfig.practices!, publishTaskId: 'publish' } } });
    expect(result).toMatchObject({ status: 'error', summary: expect.stringContaining('DAG amazon_reviews_dbt has no task publish (practices.publishTaskId), expected one of') });
  });

  it('6.5 counts NotAction on an inline policy as allowing every action', async () => {
    await h.load('inline-not-action');
    const result = await h.run(leastPrivilegeRoles);
    expect(result).toMatchObject({ status: 'fail', summary: 'arai-sfn-role: inline break-glass (Statement[0]) allows every action' });
  });
});
