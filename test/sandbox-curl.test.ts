// An engineer in a drill reaches Airflow and GitHub with curl and the settings `npm run sandbox --
// --write-env` prints. This runs the commands they would type, with nothing but those settings.
import './support/no-egress';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';

const run = promisify(execFile);
const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe.skipIf(!hasCurl)(`curl against the sandbox's Airflow and GitHub with the sandbox settings${hasCurl ? '' : ' (skipped: curl is not on PATH)'}`, () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'terraform-drift' });
    env = sandbox.environment();
  });
  afterAll(() => sandbox?.stop());

  /** `curl -sS --fail-with-body` with no proxy, as typed in a shell; the sandbox's URLs are all on 127.0.0.1. */
  const curl = async (...args: string[]) => (await run('curl', ['-sS', '--fail-with-body', '--noproxy', '*', '--max-time', '10', ...args])).stdout;

  it('lists the DAGs and the runs of a DAG over Airflow 2\'s API with the bearer token', async () => {
    expect(env.AIRFLOW_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const dags = JSON.parse(await curl('-H', `Authorization: Bearer ${env.AIRFLOW_TOKEN}`, `${env.AIRFLOW_BASE_URL}/api/v1/dags`)) as { dags: Array<{ dag_id: string }>; total_entries: number };
    expect(dags.total_entries).toBeGreaterThan(0);
    const runs = JSON.parse(await curl('-H', `Authorization: Bearer ${env.AIRFLOW_TOKEN}`, `${env.AIRFLOW_BASE_URL}/api/v1/dags/${dags.dags[0]!.dag_id}/dagRuns?limit=1`)) as { dag_runs: unknown[] };
    expect(runs.dag_runs).toHaveLength(1);
  });

  it("gets a token from Airflow 3's /auth/token with a username and password, and uses it on /api/v2", async () => {
    const { access_token } = JSON.parse(await curl('-X', 'POST', '-H', 'Content-Type: application/json', '-d', '{"username":"airflow","password":"airflow"}', `${env.AIRFLOW_BASE_URL}/auth/token`)) as { access_token: string };
    const dags = JSON.parse(await curl('-H', `Authorization: Bearer ${access_token}`, `${env.AIRFLOW_BASE_URL}/api/v2/dags`)) as { total_entries: number };
    expect(dags.total_entries).toBeGreaterThan(0);
  });

  it("lists a workflow's failed runs, and follows the job log redirect with -L, with the GitHub token", async () => {
    expect(env.GITHUB_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const github = ['-H', `Authorization: Bearer ${env.GITHUB_TOKEN}`, '-H', 'Accept: application/vnd.github+json'];
    const repo = JSON.parse(await curl(...github, `${env.GITHUB_API_URL}/repos/review-analytics/platform-infra`)) as { full_name: string };
    expect(repo.full_name).toBe('review-analytics/platform-infra');
    const runs = JSON.parse(await curl(...github, `${env.GITHUB_API_URL}/repos/review-analytics/platform-infra/actions/workflows/terraform.yml/runs?status=failure&per_page=1`)) as { workflow_runs: Array<{ jobs_url: string }> };
    const jobs = JSON.parse(await curl(...github, runs.workflow_runs[0]!.jobs_url)) as { jobs: Array<{ id: number; conclusion: string }> };
    const failed = jobs.jobs.find((job) => job.conclusion === 'failure')!;
    const log = await curl('-L', ...github, `${env.GITHUB_API_URL}/repos/review-analytics/platform-infra/actions/jobs/${failed.id}/logs`);
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z /);
  });

  it('is refused without the token, with the error body each API sends', async () => {
    const airflow = await run('curl', ['-sS', '--noproxy', '*', '-w', '\\n%{http_code}', `${env.AIRFLOW_BASE_URL}/api/v1/dags`]);
    expect(airflow.stdout.trim().split('\n').at(-1)).toBe('401');
    const github = await run('curl', ['-sS', '--noproxy', '*', '-w', '\\n%{http_code}', `${env.GITHUB_API_URL}/repos/review-analytics/platform-infra/actions/runs`]);
    const [body, status] = github.stdout.trim().split('\n');
    expect(status).toBe('401');
    expect(JSON.parse(body!)).toMatchObject({ message: 'Bad credentials' });
  });
});
