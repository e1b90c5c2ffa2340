import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GlueClient } from '@aws-sdk/client-glue';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createAirflowClient, type AirflowClient } from './airflow';
import { awsClientConfig, awsServiceNames, guardReadOnly } from './aws';
import { guardResponses } from './aws-responses';
import { createDbtClient, type DbtClient } from './dbt';
import { createGithubClient, type GithubClient } from './github';
import { openSnowflake, type SnowflakeSession } from './snowflake';
import type { AwsTarget, ServiceTargets } from './targets';

/** Raised when a check needs a service the environment does not configure. */
export class ServiceNotConfiguredError extends Error {
  override name = 'ServiceNotConfiguredError';
  constructor(readonly service: string) {
    super(`the environment has no ${service} settings: add them to runbook.config.ts`);
  }
}

/** The clients a check may use, created on first use and shared by the checks of one run. */
export interface ServiceClients {
  s3(): S3Client;
  sfn(): SFNClient;
  glue(): GlueClient;
  logs(): CloudWatchLogsClient;
  iam(): IAMClient;
  dynamodb(): DynamoDBClient;
  snowflake(): Promise<SnowflakeSession>;
  /** GitHub's REST API (Octokit), for workflow runs, jobs, logs and artifacts. */
  github(): Promise<GithubClient>;
  /** The Airflow REST API (v1 or v2), for DAG runs, task instances, logs and clears. */
  airflow(): AirflowClient;
  /** The dbt project: artifacts, profile, CLI, and the profile's Snowflake connection. */
  dbt(): DbtClient;
  /** Closes every client that was opened. */
  close(): Promise<void>;
}

/** Creates the run's clients for the given targets; `readOnly` clients refuse every operation that changes state. */
export function createServiceClients(targets: ServiceTargets, options: { readOnly: boolean }): ServiceClients {
  const cache = new Map<string, unknown>();
  let snowflake: Promise<SnowflakeSession> | undefined;
  let github: Promise<GithubClient> | undefined;
  let airflow: AirflowClient | undefined;
  let dbt: DbtClient | undefined;

  const aws = <C extends { destroy(): void; middlewareStack: unknown }>(name: keyof typeof awsServiceNames, make: (config: ReturnType<typeof awsClientConfig>) => C): C => {
    if (!cache.has(name)) {
      const target: AwsTarget | undefined = targets.aws;
      if (!target) throw new ServiceNotConfiguredError('aws');
      const client = guardResponses(make(awsClientConfig(target)) as never, awsServiceNames[name], target) as C;
      cache.set(name, options.readOnly ? guardReadOnly(client as never) : client);
    }
    return cache.get(name) as C;
  };

  return {
    s3: () => aws('s3', (config) => new S3Client({ ...config, forcePathStyle: Boolean(config.endpoint) })),
    sfn: () => aws('sfn', (config) => new SFNClient({ ...config, disableHostPrefix: true })),
    glue: () => aws('glue', (config) => new GlueClient(config)),
    logs: () => aws('logs', (config) => new CloudWatchLogsClient(config)),
    iam: () => aws('iam', (config) => new IAMClient(config)),
    dynamodb: () => aws('dynamodb', (config) => new DynamoDBClient(config)),
    snowflake: () => {
      if (!targets.snowflake) return Promise.reject(new ServiceNotConfiguredError('snowflake'));
      snowflake ??= openSnowflake(targets.snowflake, options);
      return snowflake;
    },
    github: () => {
      if (!targets.github) return Promise.reject(new ServiceNotConfiguredError('github'));
      github ??= createGithubClient(targets.github, options);
      return github;
    },
    airflow: () => {
      if (!targets.airflow) throw new ServiceNotConfiguredError('airflow');
      airflow ??= createAirflowClient(targets.airflow, options);
      return airflow;
    },
    dbt: () => {
      if (!targets.dbt) throw new ServiceNotConfiguredError('dbt');
      dbt ??= createDbtClient(targets.dbt);
      return dbt;
    },
    close: async () => {
      for (const client of cache.values()) (client as { destroy(): void }).destroy();
      cache.clear();
      if (snowflake) await snowflake.then((session) => session.close(), () => undefined);
    },
  };
}
