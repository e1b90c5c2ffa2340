import { airflowService } from './airflow/service';
import { budgetsService } from './budgets/service';
import { cloudwatchService } from './cloudwatch/service';
import type { SandboxService } from './core/service';
import { cloudtrailService } from './cloudtrail/service';
import { dbtService } from './dbt/service';
import { dynamodbService } from './dynamodb/service';
import { eventsService } from './events/service';
import { githubService } from './github/service';
import { glueService } from './glue/service';
import { iamService } from './iam/service';
import { logsService } from './logs/service';
import { s3Service } from './s3/service';
import { sfnService } from './sfn/service';
import { snowflakeService } from './snowflake/service';
import { snsService } from './sns/service';
import { stsService } from './sts/service';
import type { SandboxStates } from './states';
import { warehouseService } from './warehouse/service';
import { workService } from './work/service';

/** Every simulated service by key; each loads the world section of the same name. */
export const services: { [K in keyof SandboxStates]: SandboxService<SandboxStates[K], SandboxStates> } = {
  s3: s3Service,
  snowflake: snowflakeService,
  github: githubService,
  dynamodb: dynamodbService,
  warehouse: warehouseService,
  airflow: airflowService,
  dbt: dbtService,
  sfn: sfnService,
  glue: glueService,
  logs: logsService,
  iam: iamService,
  sts: stsService,
  cloudtrail: cloudtrailService,
  cloudwatch: cloudwatchService,
  events: eventsService,
  sns: snsService,
  budgets: budgetsService,
  work: workService,
};
