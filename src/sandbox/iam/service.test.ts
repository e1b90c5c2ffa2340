import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetRoleCommand, InvalidInputException, NoSuchEntityException, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxSdkClients } from '../aws-json/sdk-clients.test-support';
import { evaluatePolicies, wildcardMatch } from './evaluate';
import type { PolicyDocument } from './state';

const roleArn = 'arn:aws:iam::123456789012:role/arai-sfn-role';
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

describe('the IAM sandbox speaks the query protocol to the real SDK', () => {
  it('simulates each action on each resource against the role policies', async () => {
    const result = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: roleArn,
        ActionNames: ['glue:StartJobRun', 'glue:DeleteJob'],
        ResourceArns: ['arn:aws:glue:eu-west-1:123456789012:job/arai-raw-to-processed'],
      }),
    );
    expect(result.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['glue:StartJobRun', 'allowed'],
      ['glue:DeleteJob', 'implicitDeny'],
    ]);
    expect(result.EvaluationResults![0]!.MatchedStatements?.[0]?.SourcePolicyId).toBe('run-glue-jobs');
  });

  it('returns a role with its ARN and raises NoSuchEntity and InvalidInput as typed exceptions', async () => {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'arai-sfn-role' }));
    expect(Role?.Arn).toBe(roleArn);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).Statement[0].Principal.Service).toBe('states.amazonaws.com');
    await expect(iam.send(new GetRoleCommand({ RoleName: 'nobody' }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::123456789012:role/nobody', ActionNames: ['glue:GetJob'] })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('policy evaluation', () => {
  const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow' as const, Action: 'glue:Get*', Resource: '*' }] };
  const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny' as const, Action: ['glue:GetJobRun'], Resource: 'arn:aws:glue:*:*:job/secret-?' }] };

  it('lets an explicit deny win over an allow, and falls back to the implicit deny', () => {
    const policies = new Map<string, PolicyDocument>([['allow', allow], ['deny', deny]]);
    expect(evaluatePolicies(policies, 'glue:GetJobRun', 'arn:aws:glue:eu-west-1:1:job/secret-1').decision).toBe('explicitDeny');
    expect(evaluatePolicies(policies, 'GLUE:getjobrun', 'arn:aws:glue:eu-west-1:1:job/open').decision).toBe('allowed');
    expect(evaluatePolicies(policies, 'glue:StartJobRun', '*').decision).toBe('implicitDeny');
  });

  it('matches wildcards: actions without case, resources with case', () => {
    expect(wildcardMatch('s3:Get*', 'S3:GETOBJECT', true)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x')).toBe(false);
    expect(wildcardMatch('job/a?c', 'job/abc')).toBe(true);
  });
});
