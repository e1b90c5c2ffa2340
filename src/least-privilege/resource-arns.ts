import type { EnvironmentConfig } from '../config';
import type { ResourceType } from './aws-service-actions';

/** Where an environment's AWS resources live: partition, region and account, `*` where the configuration does not say. */
export interface AwsScope {
  partition: string;
  region: string;
  account: string;
}

/** The partition, region and account of an environment, from its aws settings or else the ARNs it configures. */
export function awsScope(env: EnvironmentConfig): AwsScope {
  const arn = env.pipeline?.stateMachineArn ?? env.terraform?.ciRoleArn;
  const [, partition = 'aws', , , arnAccount = ''] = arn?.split(':') ?? [];
  return { partition, region: env.aws?.region ?? '*', account: env.aws?.accountId ?? (arnAccount || '*') };
}

/** One resource type's ARNs in an environment, and whether they are the configured resources or a pattern for ones found at run time. */
export interface ScopedArns {
  arns: string[];
  /** Why the ARNs are a pattern: the resources are found at run time (a stage's bucket, the state machine's role). */
  discovered?: string;
}

/**
 * The ARNs a policy names for one resource type: the configured ones (state machine, Glue jobs, log groups,
 * lock table), or a pattern within the account for resources the checks find at run time.
 */
export function scopedArns(type: ResourceType, env: EnvironmentConfig): ScopedArns {
  const { partition, region, account } = awsScope(env);
  const arn = (service: string, resource: string, regional = true) => `arn:${partition}:${service}:${regional ? region : ''}:${service === 's3' ? '' : account}:${resource}`;
  const stateMachine = env.pipeline?.stateMachineArn;
  const stateMachineName = stateMachine?.split(':').at(-1);
  const logGroups = env.pipeline ? [env.pipeline.logGroups.error, env.pipeline.logGroups.output] : [];
  switch (type) {
    case 'statemachine':
      return stateMachine ? { arns: [stateMachine] } : { arns: [arn('states', 'stateMachine:*')], discovered: 'no pipeline.stateMachineArn configured' };
    case 'execution':
      return { arns: [arn('states', `execution:${stateMachineName ?? '*'}:*`)] };
    case 'job':
      return env.pipeline ? { arns: env.pipeline.glueJobs.map((job) => arn('glue', `job/${job}`)) } : { arns: [arn('glue', 'job/*')], discovered: 'no pipeline.glueJobs configured' };
    case 'log-group':
      // Step Functions' own log groups are named by the state machine's logging configuration, read at run time.
      return {
        arns: [...logGroups, '/aws/vendedlogs/states/*'].flatMap((group) => [arn('logs', `log-group:${group}`), arn('logs', `log-group:${group}:*`)]),
        discovered: "the state machine's log groups (/aws/vendedlogs/states/…) are read from its logging configuration at run time",
      };
    case 'log-stream':
      return { arns: logGroups.map((group) => arn('logs', `log-group:${group}:log-stream:*`)) };
    case 'bucket':
      return { arns: [arn('s3', '*', false)], discovered: "the buckets are found at run time (a Glue run's --input_path, an external table's stage): narrow to yours" };
    case 'object':
      return { arns: [arn('s3', '*/*', false)], discovered: "the objects are found at run time (a Glue run's input, its script): narrow to your buckets" };
    case 'role':
    case 'user':
    case 'group':
      return { arns: [arn('iam', `${type}/*`, false)], discovered: "the roles simulated are found at run time (the state machine's role) or configured (terraform.ciRoleArn)" };
    case 'policy':
      return { arns: [arn('iam', 'policy/*', false), `arn:${partition}:iam::aws:policy/*`], discovered: "the policies read are the ones attached to practices.platformRoles, found at run time (AWS managed ones are arn:aws:iam::aws:policy/…)" };
    case 'alarm':
      return { arns: [arn('cloudwatch', 'alarm:*')], discovered: 'DescribeAlarms lists every alarm of the account: the alarms that watch the pipeline are found in the answer' };
    case 'rule-on-default-event-bus':
      return { arns: [arn('events', 'rule/*')], discovered: 'the rules that match Glue failures are found at run time (ListRules)' };
    case 'topic':
      return { arns: [arn('sns', '*')], discovered: "the topics are the targets of the rules found at run time: narrow to your alert topics" };
    case 'budget':
      return { arns: [`arn:${partition}:budgets::${account}:budget/*`], discovered: 'DescribeBudgets reads every budget of the account' };
    case 'table':
      return env.terraform?.lockTable ? { arns: [arn('dynamodb', `table/${env.terraform.lockTable}`)] } : { arns: [arn('dynamodb', 'table/*')], discovered: 'no terraform.lockTable configured' };
  }
}
