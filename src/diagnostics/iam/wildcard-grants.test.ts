import { describe, expect, it } from 'vitest';
import { PolicyDocumentError, readPolicyDocument } from './policy-document';
import { mayWrite, wildcardGrants } from './wildcard-grants';

const encoded = (document: unknown) => encodeURIComponent(JSON.stringify(document));

describe('reading a policy document as IAM returns it', () => {
  it('decodes the URL-encoded JSON of GetRolePolicy and GetPolicyVersion, and normalises single values to lists', () => {
    const statements = readPolicyDocument(encoded({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } }), 'p');
    expect(statements).toEqual([{ sid: null, effect: 'Allow', actions: ['s3:GetObject'], notActions: null, resources: ['arn:aws:s3:::b/*'], notResources: null, hasCondition: false }]);
  });

  it('names the policy and the place of what it cannot read', () => {
    expect(() => readPolicyDocument('%7Bnot', 'role r inline x')).toThrow(PolicyDocumentError);
    expect(() => readPolicyDocument(encoded({ Statement: [{ Effect: 'Allow', Action: 7 }] }), 'role r inline x')).toThrow('Unexpected policy document of role r inline x: Statement[0].Action is 7, not a string or a list of strings');
    expect(() => readPolicyDocument(encoded({ Statement: [{ Effect: 'Permit', Action: '*' }] }), 'p')).toThrow(/Statement\[0\]\.Effect is "Permit", not Allow or Deny/);
  });
});

describe('finding grants wider than least privilege', () => {
  const statements = (statement: Record<string, unknown>) => readPolicyDocument(JSON.stringify({ Statement: [statement] }), 'p');

  it('classifies actions by verb, wildcards included', () => {
    expect(['s3:GetObject', 's3:Get*', 'dynamodb:BatchGet*', 'logs:Describe*', 'iam:List*'].map(mayWrite)).toEqual([false, false, false, false, false]);
    expect(['*', 's3:*', 'glue:*', 's3:*Object', 's3:PutObject', 'iam:PassRole'].map(mayWrite)).toEqual([true, true, true, true, true, true]);
  });

  it('flags Action "*" and NotAction in any policy, write actions on Resource "*" only where asked', () => {
    expect(wildcardGrants(statements({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }), { writesOnAllResources: false })).toEqual([{ statement: 'Statement[0]', kind: 'all-actions', actions: ['*'] }]);
    expect(wildcardGrants(statements({ Sid: 'Ops', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }), { writesOnAllResources: true })).toEqual([{ statement: 'Ops', kind: 'write-on-all-resources', actions: ['s3:PutObject'] }]);
    expect(wildcardGrants(statements({ Effect: 'Allow', Action: ['s3:PutObject'], Resource: '*' }), { writesOnAllResources: false })).toEqual([]);
    expect(wildcardGrants(statements({ Effect: 'Allow', Action: ['s3:PutObject'], NotResource: 'arn:aws:s3:::secret/*' }), { writesOnAllResources: true })).toHaveLength(1);
  });

  it('accepts writes on "*" for actions that support no resource, reads on "*", and Deny statements', () => {
    expect(wildcardGrants(statements({ Effect: 'Allow', Action: ['logs:CreateLogDelivery', 'logs:DescribeLogGroups', 'cloudwatch:PutMetricData'], Resource: '*' }), { writesOnAllResources: true })).toEqual([]);
    expect(wildcardGrants(statements({ Effect: 'Deny', Action: '*', Resource: '*' }), { writesOnAllResources: true })).toEqual([]);
  });
});
