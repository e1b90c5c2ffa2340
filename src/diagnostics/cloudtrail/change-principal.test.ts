import { describe, expect, it } from 'vitest';
import { changePrincipal, matchesResource } from './change-principal';

const ci = 'arn:aws:iam::123456789012:role/github-actions-terraform';
const record = (userIdentity: unknown) => JSON.stringify({ eventName: 'UpdateJob', userIdentity });

describe('who made a CloudTrail write event', () => {
  it('tells a session of the CI role from another role, a user and an AWS service', () => {
    expect(changePrincipal(record({ type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/github-actions-terraform/GitHubActions', sessionContext: { sessionIssuer: { arn: ci } } }), ci)).toMatchObject({ kind: 'ci' });
    expect(changePrincipal(record({ type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/sam', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::123456789012:role/Admin' } } }), ci)).toEqual({ kind: 'other', type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/sam', role: 'arn:aws:iam::123456789012:role/Admin' });
    expect(changePrincipal(record({ type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/jo' }), ci)).toMatchObject({ kind: 'other', type: 'IAMUser' });
    expect(changePrincipal(record({ type: 'AWSService', invokedBy: 'states.amazonaws.com' }), ci)).toEqual({ kind: 'aws-service', service: 'states.amazonaws.com' });
  });

  it('names an event it cannot read instead of counting it for or against CI', () => {
    expect(changePrincipal(undefined, ci)).toEqual({ kind: 'unreadable', problem: 'it has no CloudTrailEvent' });
    expect(changePrincipal('{', ci)).toEqual({ kind: 'unreadable', problem: 'its CloudTrailEvent is not JSON' });
    expect(changePrincipal('{"eventName":"X"}', ci)).toEqual({ kind: 'unreadable', problem: 'its CloudTrailEvent has no userIdentity.type' });
  });

  it('matches resource names and the last part of ARNs against the patterns', () => {
    expect(matchesResource('arai-raw-to-processed', ['arai-*'])).toBe(true);
    expect(matchesResource('arn:aws:states:eu-west-1:123456789012:stateMachine:arai-ingestion', ['arai-*'])).toBe(true);
    expect(matchesResource('priya-scratch', ['arai-*', 'terraform-state-lock'])).toBe(false);
    expect(matchesResource('arai.x', ['arai?x'])).toBe(false);
  });
});
