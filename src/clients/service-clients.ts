import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { BudgetsClient } from '@aws-sdk/client-budgets';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { GlueClient } from '@aws-sdk/client-glue';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SNSClient } from '@aws-sdk/client-sns';
import { createAirflowClient, type AirflowClient } from './airflow';
import { awsSdkModules } from './client-modules';
import { awsClientConfig, awsServiceNames, breakOnHang, guardReadOnly, observeAwsCalls, traceCalls } from './aws';
import type { ServiceBreaker } from './breaker/service-breaker';
import { guardResponses } from './aws-responses';
import { shareTraced } from './call-trace';
import { setClientRetryPolicy } from './retry/client-policy';
import { defaultRetryPolicy } from './retry/policy';
import { createDbtClient, type DbtClient } from './dbt';
import { createGithubClient, type GithubClient } from './github';
import { openHttpConnections } from './http-connections';
import type { ServiceCallListener } from './service-calls';
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
  /** Who the AWS credentials are (GetCallerIdentity), for an action's audit record. */
  sts(): STSClient;
  /** CloudTrail's event history (LookupEvents), for changes made outside CI. */
  cloudtrail(): CloudTrailClient;
  /** CloudWatch metrics: alarms and dashboards. */
  cloudwatch(): CloudWatchClient;
  /** EventBridge: rules and their targets. */
  events(): EventBridgeClient;
  sns(): SNSClient;
  /** AWS Budgets (a global service: the SDK signs for us-east-1 whatever the region). */
  budgets(): BudgetsClient;
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

/**
 * Creates the run's clients for the given targets; `readOnly` clients refuse every operation that changes
 * state; `onCall` hears of every call any of them makes (`--verbose`).
 */
export function createServiceClients(targets: ServiceTargets, options: { readOnly: boolean; onCall?: ServiceCallListener; breaker?: ServiceBreaker }): ServiceClients {
  const cache = new Map<string, unknown>();
  let snowflake: ReturnType<typeof shareTraced<SnowflakeSession>> | undefined;
  let github: Promise<GithubClient> | undefined;
  let airflow: AirflowClient | undefined;
  let dbt: DbtClient | undefined;
  const http = openHttpConnections(); // Airflow's and GitHub's connections, closed with the run

  const aws = <C extends { destroy(): void; middlewareStack: unknown }>(name: keyof typeof awsServiceNames, make: (config: ReturnType<typeof awsClientConfig>) => C): C => {
    if (!cache.has(name)) {
      const target: AwsTarget | undefined = targets.aws;
      if (!target) throw new ServiceNotConfiguredError('aws');
      const client = guardResponses(traceCalls(make(awsClientConfig(target, targets.retry)) as never), awsServiceNames[name], target) as C;
      observeAwsCalls(client as never, name, options.onCall);
      breakOnHang(client as never, awsServiceNames[name], options.breaker, target.timeoutMs ?? 20_000);
      setClientRetryPolicy(client, targets.retry ?? defaultRetryPolicy);
      cache.set(name, options.readOnly ? guardReadOnly(client as never) : client);
    }
    return cache.get(name) as C;
  };

  const sdk = awsSdkModules;
  return {
    s3: () => aws('s3', (config) => new (sdk.s3().S3Client)({ ...config, forcePathStyle: Boolean(config.endpoint) })),
    sfn: () => aws('sfn', (config) => new (sdk.sfn().SFNClient)({ ...config, disableHostPrefix: true })),
    glue: () => aws('glue', (config) => new (sdk.glue().GlueClient)(config)),
    logs: () => aws('logs', (config) => new (sdk.logs().CloudWatchLogsClient)(config)),
    iam: () => aws('iam', (config) => new (sdk.iam().IAMClient)(config)),
    dynamodb: () => aws('dynamodb', (config) => new (sdk.dynamodb().DynamoDBClient)(config)),
    sts: () => aws('sts', (config) => new (sdk.sts().STSClient)(config)),
    cloudtrail: () => aws('cloudtrail', (config) => new (sdk.cloudtrail().CloudTrailClient)(config)),
    cloudwatch: () => aws('cloudwatch', (config) => new (sdk.cloudwatch().CloudWatchClient)(config)),
    events: () => aws('events', (config) => new (sdk.events().EventBridgeClient)(config)),
    sns: () => aws('sns', (config) => new (sdk.sns().SNSClient)(config)),
    budgets: () => aws('budgets', (config) => new (sdk.budgets().BudgetsClient)(config)),
    snowflake: async () => {
      const target = targets.snowflake;
      if (!target) throw new ServiceNotConfiguredError('snowflake');
      // Every check that waits for the one login depends on it (the sandbox's call log shows so).
      snowflake ??= shareTraced(() => openSnowflake(target, { ...options, ...(targets.retry ? { retry: targets.retry } : {}) }));
      const session = await snowflake.result;
      snowflake.join();
      return session;
    },
    github: () => {
      if (!targets.github) return Promise.reject(new ServiceNotConfiguredError('github'));
      github ??= createGithubClient(targets.github, { ...options, fetch: http.fetch, ...(targets.retry ? { retry: targets.retry } : {}) });
      return github;
    },
    airflow: () => {
      if (!targets.airflow) throw new ServiceNotConfiguredError('airflow');
      airflow ??= createAirflowClient(targets.airflow, { ...options, fetch: http.fetch, ...(targets.retry ? { retry: targets.retry } : {}) });
      return airflow;
    },
    dbt: () => {
      if (!targets.dbt) throw new ServiceNotConfiguredError('dbt');
      dbt ??= createDbtClient(targets.dbt, options.onCall, options.breaker);
      return dbt;
    },
    close: async () => {
      for (const client of cache.values()) (client as { destroy(): void }).destroy();
      cache.clear();
      if (snowflake) await snowflake.result.then((session) => session.close(), () => undefined);
      await http.close();
    },
  };
}
