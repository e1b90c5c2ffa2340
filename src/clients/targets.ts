import path from 'node:path';
import type { EnvironmentConfig } from '../config';
import type { DbtConfig } from '../config/areas/dbt';
import type { RetryPolicy } from './retry/policy';

/** Static credentials: used only for the sandbox, never read from configuration for a real environment. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where the AWS clients of a run go. Without `credentials`, the AWS default provider chain supplies them. */
export interface AwsTarget {
  region: string;
  endpoint?: string;
  profile?: string;
  credentials?: StaticCredentials;
  /** Milliseconds a request waits for its answer (20 s when omitted). */
  timeoutMs?: number;
}

/** Where the Snowflake driver of a run goes. */
export interface SnowflakeTarget {
  account: string;
  accessUrl?: string;
  connectionName?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  timeoutMs: number;
  /** Credentials given directly (the sandbox's fixed ones, or a dbt profile's) instead of Snowflake's environment variables. */
  explicitCredentials?: { username: string; password: string };
}

/** Where the GitHub client of a run goes; `sandboxToken` is set only for the sandbox (otherwise GITHUB_TOKEN, GH_TOKEN or gh). */
export interface GithubTarget {
  /** The REST API base URL; github.com's when omitted. */
  baseUrl?: string;
  timeoutMs: number;
  sandboxToken?: string;
}

/** Where the Airflow client of a run goes; without `explicitCredentials`, AIRFLOW_TOKEN or AIRFLOW_USERNAME/PASSWORD. */
export interface AirflowTarget {
  /** The webserver / API server URL, without `/api/v1`. */
  baseUrl: string;
  apiVersion: 'v1' | 'v2';
  uiUrl?: string;
  timeoutMs: number;
  /** A token given directly (the sandbox's fixed one) instead of the AIRFLOW_* environment variables. */
  explicitCredentials?: { token: string };
}

/** The dbt project of a run and the environment dbt runs with (the process's own, or the sandbox's). */
export interface DbtTarget {
  projectDir: string;
  profilesDir?: string;
  target?: string;
  testCommand: readonly string[];
  runTests: 'auto' | 'never';
  artifactMaxAgeHours: number;
  grain: Readonly<Record<string, readonly string[]>>;
  sampleKeys: number;
  freshness?: DbtConfig['freshness'];
  timeoutMs: number;
  environment: Readonly<Record<string, string | undefined>>;
  /** The sandbox whose world's fixture the project is (its URL): the project goes when that sandbox stops. */
  fixtureOf?: string;
}

/** The resolved service endpoints of one run: an environment's settings, or the sandbox's. */
export interface ServiceTargets {
  aws?: AwsTarget;
  snowflake?: SnowflakeTarget;
  github?: GithubTarget;
  airflow?: AirflowTarget;
  dbt?: DbtTarget;
  /** How every client of the run retries transient failures; the default policy when omitted. */
  retry?: RetryPolicy;
}

/** The targets an environment's configuration names, with no sandbox overrides. */
export function targetsFromConfig(config: EnvironmentConfig): ServiceTargets {
  return {
    ...(config.aws ? { aws: { ...config.aws } } : {}),
    ...(config.snowflake ? { snowflake: { ...config.snowflake } } : {}),
    ...(config.airflow?.baseUrl
      ? { airflow: { baseUrl: config.airflow.baseUrl, apiVersion: config.airflow.apiVersion, timeoutMs: config.airflow.timeoutMs, ...(config.airflow.uiUrl ? { uiUrl: config.airflow.uiUrl } : {}) } }
      : {}),
    ...(config.dbt?.projectDir ? { dbt: dbtTarget(config.dbt, path.resolve(config.dbt.projectDir), process.env) } : {}),
    ...(config.github ? { github: { timeoutMs: config.github.timeoutMs, ...(config.github.apiUrl ? { baseUrl: config.github.apiUrl } : {}) } } : {}),
  };
}

/** The dbt target of a project directory, with the environment dbt runs with. */
export function dbtTarget(config: DbtConfig, projectDir: string, environment: Readonly<Record<string, string | undefined>>): DbtTarget {
  return {
    projectDir,
    ...(config.profilesDir ? { profilesDir: path.resolve(projectDir, config.profilesDir) } : {}),
    ...(config.target ? { target: config.target } : {}),
    testCommand: config.testCommand,
    runTests: config.runTests,
    artifactMaxAgeHours: config.artifactMaxAgeHours,
    grain: config.grain,
    sampleKeys: config.sampleKeys,
    ...(config.freshness ? { freshness: config.freshness } : {}),
    timeoutMs: 20_000,
    environment,
  };
}
