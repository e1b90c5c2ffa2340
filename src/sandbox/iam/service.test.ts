import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  InvalidInputException,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand,
  paginateListRoles,
} from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';

const account = '123456789012';
const roleArn = `arn:aws:iam::${account}:role/arai-sfn-role`;
const logDelivery = `arn:aws:iam::${account}:policy/service-role/arai-sfn-log-delivery`;
const glueServiceRole = 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole';
let sandbox: Sandbox;
let iam: ReturnType<typeof sandboxSdkClients>['iam'];

beforeAll(async () => {
  sandbox = await startSandbox({ world: 'healthy' });
  iam = sandboxSdkClients(sandbox.url).iam;
});
afterAll(async () => {
  iam?.destroy();
  await sandbox.stop();
});

const decode = (document: string | undefined) => JSON.parse(decodeURIComponent(document ?? ''));

describe('IAM SimulatePrincipalPolicy evaluates inline and attached managed policies', () => {
  it('simulates each action on each resource against the role policies', async () => {
    const result = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: roleArn,
        ActionNames: ['glue:StartJobRun', 'glue:DeleteJob'],
        ResourceArns: [`arn:aws:glue:eu-west-1:${account}:job/arai-raw-to-processed`],
      }),
    );
    expect(result.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['glue:StartJobRun', 'allowed'],
      ['glue:DeleteJob', 'implicitDeny'],
    ]);
    expect(result.EvaluationResults![0]!.MatchedStatements).toEqual([{ SourcePolicyId: 'run-glue-jobs', SourcePolicyType: 'role' }]);
  });

  it('allows what only an attached policy grants, naming it aws-managed or user-managed', async () => {
    const glue = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${account}:role/arai-glue-role`, ActionNames: ['glue:GetJob'] }));
    expect(glue.EvaluationResults![0]).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'AWSGlueServiceRole', SourcePolicyType: 'aws-managed' }] });
    const logs = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: roleArn, ActionNames: ['logs:CreateLogDelivery', 'logs:DescribeLogGroups'] }));
    expect(logs.EvaluationResults!.map((r) => [r.EvalDecision, r.MatchedStatements![0]?.SourcePolicyType])).toEqual([
      ['allowed', 'user-managed'],
      ['allowed', 'user-managed'],
    ]);
  });

  it('simulates a user, and pages results with MaxItems and Marker', async () => {
    const user = `arn:aws:iam::${account}:user/sandbox-oncall`;
    const first = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user, ActionNames: ['s3:GetObject', 's3:DeleteObject', 'states:DescribeExecution'], MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
    const rest = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user, ActionNames: ['s3:GetObject', 's3:DeleteObject', 'states:DescribeExecution'], MaxItems: 2, Marker: first.Marker }));
    expect(rest.IsTruncated).toBe(false);
    expect(rest.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([['states:DescribeExecution', 'allowed']]);
  });

  it('raises InvalidInput for an entity that does not exist', async () => {
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${account}:role/nobody`, ActionNames: ['glue:GetJob'] }))).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('IAM roles and their policies over the query protocol', () => {
  it('returns a role with its ARN and URL-encoded trust policy, and raises NoSuchEntity for an unknown one', async () => {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'arai-sfn-role' }));
    expect(Role?.Arn).toBe(roleArn);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(decode(Role!.AssumeRolePolicyDocument).Statement[0].Principal.Service).toBe('states.amazonaws.com');
    await expect(iam.send(new GetRoleCommand({ RoleName: 'nobody' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('lists every role by name, a page at a time, through the SDK paginator', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, {})) {
      pages++;
      names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
    }
    expect(names).toEqual(['arai-glue-role', 'arai-sfn-role', 'arai-snowflake-external-stage', 'github-actions-terraform']);
    expect(pages).toBe(2);
    const { Roles } = await iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
    expect(Roles).toEqual([]);
  });

  it('lists inline policy names and returns a document as it was written', async () => {
    const { PolicyNames } = await iam.send(new ListRolePoliciesCommand({ RoleName: 'arai-sfn-role' }));
    expect(PolicyNames).toEqual(['execution-events', 'run-glue-jobs']);
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'arai-sfn-role', PolicyName: 'run-glue-jobs' }));
    expect(decode(policy.PolicyDocument).Statement[0].Resource).toBe(`arn:aws:glue:eu-west-1:${account}:job/arai-*`);
    await expect(iam.send(new GetRolePolicyCommand({ RoleName: 'arai-sfn-role', PolicyName: 'nope' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('lists the managed policies attached to a role, filtered by policy path', async () => {
    const all = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'github-actions-terraform' }));
    expect(all.AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      { PolicyName: 'arai-terraform-backend', PolicyArn: `arn:aws:iam::${account}:policy/arai-terraform-backend` },
    ]);
    expect(all.IsTruncated).toBe(false);
    const serviceRole = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'arai-glue-role', PathPrefix: '/service-role/' }));
    expect(serviceRole.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([glueServiceRole]);
    await expect(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'nobody' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });
});

describe('IAM managed policies', () => {
  it('returns a policy with its default version, attachment count and dates', async () => {
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: logDelivery }));
    expect(Policy).toMatchObject({ PolicyName: 'arai-sfn-log-delivery', Path: '/service-role/', Arn: logDelivery, DefaultVersionId: 'v2', AttachmentCount: 1, IsAttachable: true });
    expect(Policy!.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    expect(Policy!.UpdateDate!.getTime()).toBeGreaterThan(Policy!.CreateDate!.getTime());
    expect(Policy!.Description).toContain('execution logs');
    const readOnly = await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(readOnly.Policy).toMatchObject({ DefaultVersionId: 'v87', AttachmentCount: 2 });
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/nope` }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('returns each version of a policy, only the default one marked so', async () => {
    const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: logDelivery, VersionId: 'v1' }));
    const v2 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: logDelivery, VersionId: 'v2' }));
    expect([v1.PolicyVersion?.IsDefaultVersion, v2.PolicyVersion?.IsDefaultVersion]).toEqual([false, true]);
    expect(decode(v2.PolicyVersion!.Document).Statement[0].Action).toContain('logs:DescribeLogGroups');
    expect(decode(v1.PolicyVersion!.Document).Statement[0].Action).not.toContain('logs:DescribeLogGroups');
    const glue = await iam.send(new GetPolicyVersionCommand({ PolicyArn: glueServiceRole, VersionId: 'v5' }));
    expect(decode(glue.PolicyVersion!.Document).Statement[0].Action).toContain('glue:*');
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: logDelivery, VersionId: 'v3' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('lists policies by scope and attachment, without their descriptions', async () => {
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['arai-sfn-log-delivery', 'arai-terraform-backend']);
    expect(local.Policies?.every((p) => p.Description === undefined)).toBe(true);
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
    expect(aws.Policies?.map((p) => p.Arn)).toEqual([glueServiceRole, 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const boundaries = await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(boundaries.Policies).toEqual([]);
  });
});

describe('IAM answers what it does not serve, and bad input, in its own words', () => {
  it('answers an action it does not implement with InvalidAction (400)', async () => {
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'InvalidAction', $metadata: { httpStatusCode: 400 } });
  });

  it('answers a parameter that breaks the API model with ValidationError', async () => {
    await expect(iam.send(new GetRoleCommand({ RoleName: 'no spaces allowed' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^1 validation error detected: Value 'no spaces allowed' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern/),
    });
  });
});
