import type { AirflowState } from './airflow/state';
import type { CloudtrailState } from './cloudtrail/state';
import type { BudgetsState } from './budgets/state';
import type { CloudwatchState } from './cloudwatch/state';
import type { DbtState } from './dbt/service';
import type { DynamodbState } from './dynamodb/state';
import type { EventsState } from './events/state';
import type { GithubState } from './github/state';
import type { GlueState } from './glue/state';
import type { IamState } from './iam/state';
import type { LogsState } from './logs/state';
import type { S3State } from './s3/state';
import type { SfnState } from './sfn/state';
import type { SnowflakeState } from './snowflake/state';
import type { SnsState } from './sns/state';
import type { StsState } from './sts/service';
import type { WarehouseState } from './warehouse/service';
import type { WorkState } from './work/state';

/** The state of every simulated service, built from one world; services may read each other's (Snowflake reads S3). */
export interface SandboxStates {
  s3: S3State;
  snowflake: SnowflakeState;
  github: GithubState;
  dynamodb: DynamodbState;
  /** The tables behind Snowflake's plain SELECTs (a real SQL engine), from warehouse.json. */
  warehouse: WarehouseState;
  airflow: AirflowState;
  /** The world's dbt project, written to a temporary directory. */
  dbt: DbtState;
  sfn: SfnState;
  glue: GlueState;
  logs: LogsState;
  iam: IamState;
  sts: StsState;
  /** The management event history that LookupEvents reads (cloudtrail.json). */
  cloudtrail: CloudtrailState;
  /** Metric alarms and dashboards (cloudwatch.json). */
  cloudwatch: CloudwatchState;
  /** EventBridge rules and their targets (events.json). */
  events: EventsState;
  /** SNS topics and their subscriptions (sns.json). */
  sns: SnsState;
  /** The account's budgets (budgets.json). */
  budgets: BudgetsState;
  /** What the platform's jobs do when an action re-runs them, and the re-runs in flight (work.json). */
  work: WorkState;
}
