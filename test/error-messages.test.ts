import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../runbook.config';
import { validateConfig, type RunbookConfigInput } from '../src/config';
import type { RunReport } from '../src/model';
import { defaultLayout, loadRunbook } from '../src/parser/load';
import { runSteps } from '../src/runner/run';
import { selectSteps } from '../src/runner/select';
import { airflowPathPrefix } from '../src/sandbox/airflow/credentials';
import { githubPathPrefix } from '../src/sandbox/github/token';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { describeOutcomes, outcomeOf, root, runInWorld } from './support/project';

const sandboxConfig = validateConfig(projectConfig).environments.sandbox!;

/** Runs steps in a real (non-sandbox) environment whose services are given here: no credentials come from the sandbox. */
async function runInEnvironment(environment: RunbookConfigInput['environments'][string], selection: string[]): Promise<RunReport> {
  const { runbook } = await loadRunbook(defaultLayout(root));
  const config = validateConfig({ defaultEnvironment: 'probe', checkTimeoutSeconds: 20, environments: { probe: environment } });
  return runSteps({ root, config, steps: selectSteps(runbook, selection), scenarios: [], selection, environment: 'probe', loadModule: (file) => import(file) });
}

const credentialVariables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'SNOWFLAKE_USER', 'SNOWFLAKE_PASSWORD', 'SNOWFLAKE_PRIVATE_KEY_PATH', 'AIRFLOW_TOKEN', 'AIRFLOW_USERNAME', 'AIRFLOW_PASSWORD', 'GITHUB_TOKEN', 'GH_TOKEN'];
const saved = Object.fromEntries(credentialVariables.map((name) => [name, process.env[name]]));
let sandbox: Sandbox;
beforeAll(async () => {
  for (const name of credentialVariables) delete process.env[name];
  // gh must not answer for the machine's own login: an empty PATH entry for it is not enough, so point HOME away too.
  process.env.GH_CONFIG_DIR = '/nonexistent-gh-config';
  sandbox = await startSandbox({ world: 'healthy' });
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  await sandbox.stop();
});

describe('every error names the service, the operation and the cause in words an engineer can act on', () => {
  // Before: "could not tell: Unknown: UnknownError".
  it('a 500 without an error code from Step Functions', async () => {
    const report = await runInWorld('healthy', ['3.1.s1'], { sandboxFaults: [{ service: 'sfn', effect: { kind: 'status', status: 500 } }] });
    const outcome = outcomeOf(report, '3.1.s1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: Step Functions ListExecutions: AWS answered HTTP 500 without an error code .*; try again/);
    expect(outcome.summary).not.toMatch(/UnknownError/);
  });

  // Before: "could not tell: HttpError: " (Server Error).
  it('a 500 from GitHub', async () => {
    const report = await runInWorld('healthy', ['3.6.1'], { sandboxFaults: [{ service: 'github', effect: { kind: 'status', status: 500, body: 'Server Error' } }] });
    const outcome = outcomeOf(report, '3.6.1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: GitHub GET \/repos\/\{owner\}\/\{repo\}\/actions\/workflows\/\{workflow_id\}\/runs: GitHub answered HTTP 500 .*: a failure on GitHub's side/);
    expect(outcome.summary).not.toMatch(/HttpError/);
  });

  // Before: "could not tell: TypeError: terminated".
  it('an Airflow answer cut short', async () => {
    const report = await runInWorld('airflow-dbt-task-failed', ['3.5.s1'], { sandboxFaults: [{ service: 'airflow', operation: 'GetDagRuns', effect: { kind: 'truncated-body' } }] });
    const outcome = outcomeOf(report, '3.5.s1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: Airflow GetDagRuns: http:\/\/127\.0\.0\.1:\d+\/airflow\/api\/v2\/dags\/amazon_reviews_dbt\/dagRuns\?.*: the connection closed before the answer was complete/);
    expect(outcome.summary).not.toMatch(/TypeError/);
  });

  // Before: "could not tell: CredentialsProviderError: Could not load credentials from any providers".
  it('no AWS credentials: the sources tried and what to set', async () => {
    const report = await runInEnvironment({ aws: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:9' }, pipeline: sandboxConfig.pipeline }, ['3.1.s1']);
    const outcome = outcomeOf(report, '3.1.s1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: Step Functions ListExecutions: no AWS credentials found/);
    expect(outcome.summary).toMatch(/tried: environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \(not set\); profile "default" \(AWS_PROFILE not set\) in \/dev\/null and \/dev\/null.*instance metadata \(turned off by AWS_EC2_METADATA_DISABLED\)\)/);
    expect(outcome.summary).toMatch(/; set AWS_PROFILE .* run `aws sso login --profile NAME`/);
  });

  // Before: "could not tell: MissingParameterError: A password must be specified."
  it('no Snowflake credentials: the variables and the connections.toml entry', async () => {
    const report = await runInEnvironment({ snowflake: { account: 'myorg-analytics', accessUrl: 'http://127.0.0.1:9' }, externalTables: sandboxConfig.externalTables }, ['3.3.2']);
    const outcome = outcomeOf(report, '3.3.2');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: Snowflake login: no credentials for http:\/\/127\.0\.0\.1:9/);
    expect(outcome.summary).toMatch(/tried: SNOWFLAKE_USER \(not set\); SNOWFLAKE_PASSWORD \(not set\); SNOWFLAKE_PRIVATE_KEY_PATH \(not set\); SNOWFLAKE_AUTHENTICATOR \(not set\); connections\.toml \(snowflake\.connectionName not set\)\); set SNOWFLAKE_USER with SNOWFLAKE_PASSWORD/);
  });

  it('no Airflow token: what was tried and what to set', async () => {
    const report = await runInEnvironment({ airflow: { ...sandboxConfig.airflow!, baseUrl: `${sandbox.url}${airflowPathPrefix}` } }, ['3.5.s1']);
    const outcome = outcomeOf(report, '3.5.s1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: Airflow GetDagRuns: answered HTTP 401: .*; no credentials were found \(tried: the sandbox token; AIRFLOW_TOKEN; AIRFLOW_USERNAME and AIRFLOW_PASSWORD\): set AIRFLOW_TOKEN/);
  });

  it('no GitHub token: the sources tried and what to set', async () => {
    const report = await runInEnvironment({ github: { ...sandboxConfig.github!, apiUrl: `${sandbox.url}${githubPathPrefix}` }, terraform: sandboxConfig.terraform }, ['3.6.s1']);
    const outcome = outcomeOf(report, '3.6.s1');
    expect(outcome.status, describeOutcomes(report)).toBe('error');
    expect(outcome.summary).toMatch(/^could not tell: GitHub GET \/repos\/\{owner\}\/\{repo\}\/actions\/workflows\/\{workflow_id\}\/runs: GitHub requires a token and none was found.*\(tried: GITHUB_TOKEN \(not set\); GH_TOKEN \(not set\); `gh auth token`.*\); set GITHUB_TOKEN/);
  });
});
