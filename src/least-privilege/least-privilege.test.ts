import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import projectConfig from '../../runbook.config';
import type { CheckDefinition } from '../check-api';
import { importCheck } from '../catalog/load-check';
import { validateConfig } from '../config';
import { awsServiceActions, iamActionSpec } from './aws-service-actions';
import { buildIamPolicy } from './iam-policy';
import { iamActionsFor, isAwsOperation } from './operation-actions';
import { isAwsWrite, planPermissions } from './permission-plan';

const root = path.resolve(__dirname, '..', '..');
const config = validateConfig(projectConfig);
const prod = config.environments.prod!;
const checkFiles = readdirSync(path.join(root, 'checks'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join('checks', f)).sort();
let checks: CheckDefinition[];

beforeAll(async () => {
  checks = await Promise.all(checkFiles.map((file) => importCheck(root, file, (absolute) => import(absolute))));
});

/** The SDK package of each AWS `uses` service, whose commands are the API's operations. */
const sdkPackages: Record<string, string> = {
  sfn: 'client-sfn',
  glue: 'client-glue',
  logs: 'client-cloudwatch-logs',
  s3: 'client-s3',
  iam: 'client-iam',
  dynamodb: 'client-dynamodb',
  sts: 'client-sts',
  cloudtrail: 'client-cloudtrail',
  cloudwatch: 'client-cloudwatch',
  events: 'client-eventbridge',
  sns: 'client-sns',
  budgets: 'client-budgets',
};

describe('least privilege, generated (issue 12, item 1)', () => {
  it('knows the permission of every operation that every check and action declares in uses', () => {
    expect(checks.length).toBeGreaterThan(30);
    expect(planPermissions(checks, prod).unmapped).toEqual([]);
  });

  it('maps every AWS uses entry to an operation of the AWS SDK and to IAM actions listed in the action table', () => {
    const aws = [...new Set(checks.flatMap((c) => c.uses))].filter(isAwsOperation);
    expect(aws.length).toBeGreaterThan(15);
    for (const entry of aws) {
      const [service, operation] = entry.split(':');
      const commands = path.join(root, 'node_modules', '@aws-sdk', sdkPackages[service!]!, 'dist-types', 'commands');
      expect(existsSync(path.join(commands, `${operation}Command.d.ts`)), `${entry} is not an operation of @aws-sdk/${sdkPackages[service!]}`).toBe(true);
      const actions = iamActionsFor(entry);
      expect(actions.length, entry).toBeGreaterThan(0);
      for (const action of actions) expect(iamActionSpec(action), `${entry} → ${action} is not in the action table`).toBeDefined();
    }
  });

  it.each([
    ['sfn:DescribeExecution', ['states:DescribeExecution']],
    ['s3:ListObjectsV2', ['s3:ListBucket']],
    ['s3:GetObject', ['s3:GetObject']],
    ['s3:HeadObject', ['s3:GetObject']],
    ['s3:GetBucketNotificationConfiguration', ['s3:GetBucketNotification']],
    ['logs:FilterLogEvents', ['logs:FilterLogEvents']],
    ['dynamodb:Scan', ['dynamodb:Scan']],
    ['budgets:DescribeBudgets', ['budgets:ViewBudget']],
    ['events:ListTargetsByRule', ['events:ListTargetsByRule']],
  ])('authorizes %s as %j', (entry, actions) => {
    expect(iamActionsFor(entry)).toEqual(actions);
  });

  it('names actions as IAM does: a known prefix, then an action name in PascalCase', () => {
    for (const [prefix, actions] of Object.entries(awsServiceActions)) for (const name of Object.keys(actions)) expect(`${prefix}:${name}`).toMatch(/^(states|glue|logs|s3|iam|dynamodb|sts|cloudtrail|cloudwatch|events|sns|budgets):[A-Z][A-Za-z0-9]+$/);
  });

  it('gives read-only checks no operation that changes something, in any system', () => {
    const plan = (check: CheckDefinition) => planPermissions([check], prod);
    for (const check of checks.filter((c) => c.kind === 'check')) {
      const p = plan(check);
      expect(check.uses.filter(isAwsWrite), check.id).toEqual([]);
      expect([...p.remediation.policy.Statement, ...p.snowflake.remediation, ...p.github.remediation, ...p.airflow.remediation], check.id).toEqual([]);
    }
  });

  it('puts only the actions\' writes in the remediation policy, and no write in the read-only one', () => {
    const plan = planPermissions(checks, prod);
    const actionsOf = (statements: typeof plan.readOnly.policy.Statement) => statements.flatMap((s) => s.Action).sort();
    expect(actionsOf(plan.remediation.policy.Statement)).toEqual(['states:RedriveExecution', 'states:StartExecution']);
    for (const action of actionsOf(plan.readOnly.policy.Statement)) expect(['Read', 'List'], action).toContain(iamActionSpec(action)!.access);
    expect(plan.github.remediation).toContain('Repository permissions: Actions: Read and write, Metadata: Read-only');
    expect(plan.airflow.remediation).toContain('can edit on Task Instances');
    expect(plan.snowflake.remediation.join('\n')).toContain('OWNERSHIP');
  });

  it('scopes resources to the configured ARNs where the action supports resource-level permissions, else "*"', () => {
    const { policy } = buildIamPolicy(['sfn:ListExecutions', 'sfn:DescribeExecution', 'glue:GetJobRuns', 'dynamodb:Scan', 'logs:FilterLogEvents', 'sts:GetCallerIdentity'], prod);
    const resourceOf = (action: string) => policy.Statement.find((s) => s.Action.includes(action))!.Resource;
    expect(resourceOf('states:ListExecutions')).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion');
    expect(resourceOf('states:DescribeExecution')).toBe('arn:aws:states:eu-west-1:123456789012:execution:arai-ingestion:*');
    expect(resourceOf('glue:GetJobRuns')).toEqual(['arn:aws:glue:eu-west-1:123456789012:job/arai-processed-compact', 'arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed']);
    expect(resourceOf('dynamodb:Scan')).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/terraform-state-lock');
    expect(resourceOf('logs:FilterLogEvents')).toContain('arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/error:*');
    expect(resourceOf('sts:GetCallerIdentity')).toBe('*');
    expect(policy.Version).toBe('2012-10-17');
    expect(new Set(policy.Statement.map((s) => s.Sid)).size).toBe(policy.Statement.length);
    for (const s of policy.Statement) expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('reports an operation that no table knows instead of guessing an action for it', () => {
    const plan = planPermissions([{ ...checks[0]!, uses: ['s3:FrobnicateBucket', 'snowflake:DROP TABLE', 'jira:CreateIssue'] }], prod);
    expect(plan.unmapped).toEqual(['jira:CreateIssue', 's3:FrobnicateBucket', 'snowflake:DROP TABLE']);
  });
});
