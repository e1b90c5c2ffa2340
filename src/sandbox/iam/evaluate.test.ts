import { describe, expect, it } from 'vitest';
import { evaluatePolicies, evaluatePrincipal, wildcardMatch } from './evaluate';
import { loadIamState } from './load';
import type { PolicyDocument } from './state';

describe('policy evaluation', () => {
  const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow' as const, Action: 'glue:Get*', Resource: '*' }] };
  const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny' as const, Action: ['glue:GetJobRun'], Resource: 'arn:aws:glue:*:*:job/secret-?' }] };
  const policies: Array<{ id: string; document: PolicyDocument }> = [
    { id: 'allow', document: allow },
    { id: 'deny', document: deny },
  ];

  it('lets an explicit deny win over an allow, and falls back to the implicit deny', () => {
    expect(evaluatePolicies(policies, 'glue:GetJobRun', 'arn:aws:glue:eu-west-1:1:job/secret-1')).toMatchObject({ decision: 'explicitDeny', matchedPolicies: [{ id: 'deny' }] });
    expect(evaluatePolicies(policies, 'GLUE:getjobrun', 'arn:aws:glue:eu-west-1:1:job/open').decision).toBe('allowed');
    expect(evaluatePolicies(policies, 'glue:StartJobRun', '*').decision).toBe('implicitDeny');
  });

  it('matches wildcards: actions without case, resources with case', () => {
    expect(wildcardMatch('s3:Get*', 'S3:GETOBJECT', true)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x')).toBe(false);
    expect(wildcardMatch('job/a?c', 'job/abc')).toBe(true);
  });
});

describe('the IAM policy model', () => {
  const base = {
    roles: {
      worker: {
        createdOn: '2026-01-01T00:00:00.000Z',
        assumeRolePolicy: { Statement: { Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' } },
        policies: { inline: { Statement: { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' } } },
        attachedPolicies: ['arn:aws:iam::123456789012:policy/writer'],
      },
    },
    policies: {
      'arn:aws:iam::123456789012:policy/writer': {
        createdOn: '2026-01-01T00:00:00.000Z',
        versions: {
          v1: { createdOn: '2026-01-01T00:00:00.000Z', document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } },
          v2: { createdOn: '2026-02-01T00:00:00.000Z', document: { Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] } },
        },
      },
    },
  };

  it('evaluates the default version of an attached policy together with the inline policies', () => {
    const state = loadIamState(base);
    const worker = state.roles.get('worker')!;
    expect(evaluatePrincipal(state, worker, 's3:PutObject', 'arn:aws:s3:::b/k')).toMatchObject({ decision: 'allowed', matchedPolicies: [{ id: 'writer', type: 'user-managed' }] });
    expect(evaluatePrincipal(state, worker, 's3:GetObject', 'arn:aws:s3:::b/k').decision).toBe('implicitDeny');
    expect(evaluatePrincipal(state, worker, 's3:DeleteObject', 'arn:aws:s3:::b/k')).toMatchObject({ decision: 'explicitDeny', matchedPolicies: [{ id: 'inline', type: 'role' }] });
    const older = loadIamState({ ...base, policies: { 'arn:aws:iam::123456789012:policy/writer': { ...base.policies['arn:aws:iam::123456789012:policy/writer'], defaultVersionId: 'v1' } } });
    expect(evaluatePrincipal(older, older.roles.get('worker')!, 's3:GetObject', 'arn:aws:s3:::b/k').decision).toBe('allowed');
  });

  it('keeps a document as written, for IAM to return it so', () => {
    const state = loadIamState(base);
    expect(state.roles.get('worker')!.policies.inline!.text).toBe('{"Statement":{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}}');
    expect(state.roles.get('worker')!.policies.inline!.document.Statement).toHaveLength(1);
  });

  it('refuses a world whose attachments, versions or keys do not resolve', () => {
    expect(() => loadIamState({ ...base, policies: {} })).toThrow(/roles\.worker\.attachedPolicies: arn:aws:iam::123456789012:policy\/writer is not declared under policies/);
    expect(() => loadIamState({ ...base, policies: { 'arn:aws:iam::123456789012:policy/writer': { ...base.policies['arn:aws:iam::123456789012:policy/writer'], defaultVersionId: 'v9' } } })).toThrow(/no version v9/);
    expect(() => loadIamState({ policies: { 'arn:aws:iam::999999999999:policy/x': base.policies['arn:aws:iam::123456789012:policy/writer'] } })).toThrow(/belongs to account 123456789012/);
    const user = { createdOn: '2026-01-01T00:00:00.000Z', accessKeys: ['AKIASHAREDKEY00001'] };
    expect(() => loadIamState({ users: { a: user, b: user } })).toThrow(/AKIASHAREDKEY00001 is also a key of a/);
    expect(() => loadIamState({ roles: { worker: { ...base.roles.worker, policies: { bad: { Statement: { Effect: 'Maybe' } } } } } })).toThrow();
  });
});
