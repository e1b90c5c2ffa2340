import { describe, expect, it } from 'vitest';
import type { ResourceChange } from '../terraform/resource-change';
import { findAccessDenials } from './access-denied';
import { requiredActions } from './required-actions';

const change = (address: string, type: string, action: ResourceChange['action'], mode: ResourceChange['mode'] = 'managed'): ResourceChange => ({ address, type, mode, action, before: null, after: null });

describe('IAM actions a plan needs', () => {
  it('maps each change to the actions of its type, a replace to both create and delete', () => {
    const { required, unmappedTypes } = requiredActions([
      change('aws_glue_job.transform', 'aws_glue_job', 'update'),
      change('aws_s3_bucket.processed', 'aws_s3_bucket', 'replace'),
      change('aws_s3_bucket.raw', 'aws_s3_bucket', 'no-op'),
      change('data.aws_iam_policy_document.x', 'aws_iam_policy_document', 'read', 'data'),
      change('aws_kinesis_stream.s', 'aws_kinesis_stream', 'create'),
      change('snowflake_stage.reviews', 'snowflake_stage', 'delete'),
    ]);
    const actions = required.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['glue:UpdateJob', 'iam:PassRole', 's3:CreateBucket', 's3:DeleteBucket']));
    expect(actions).not.toContain('glue:CreateJob');
    expect(required.find((r) => r.action === 's3:ListBucket')?.addresses).toEqual(['aws_s3_bucket.processed']);
    expect(unmappedTypes).toEqual(['aws_kinesis_stream']);
  });

  it('needs nothing for a forget, and no delete for a replace that only forgets the old object', () => {
    const { required } = requiredActions([
      change('aws_sqs_queue.kept', 'aws_sqs_queue', 'forget'),
      { ...change('aws_glue_job.t', 'aws_glue_job', 'replace'), replaceOrder: 'create-then-forget' },
    ]);
    expect(required.map((r) => r.action)).toEqual(['glue:CreateJob', 'glue:GetJob', 'iam:PassRole']);
  });
});

describe('access denials in logs', () => {
  it('reads the principal, action and resource of an AWS "is not authorized to perform" message', () => {
    const line =
      '│ Error: updating Glue Job (t): operation error Glue: UpdateJob, api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/github-actions-terraform/GitHubActions is not authorized to perform: glue:UpdateJob on resource: arn:aws:glue:eu-west-1:123456789012:job/t because no identity-based policy allows the glue:UpdateJob action';
    expect(findAccessDenials([line, 'Apply complete!'])).toEqual([
      { line, principal: 'arn:aws:sts::123456789012:assumed-role/github-actions-terraform/GitHubActions', action: 'glue:UpdateJob', resource: 'arn:aws:glue:eu-west-1:123456789012:job/t' },
    ]);
  });

  it('keeps denials whose message names no action, such as S3 "Access Denied"', () => {
    expect(findAccessDenials(['Error: reading S3 Bucket: AccessDenied: Access Denied'])).toEqual([expect.objectContaining({ action: null, principal: null })]);
  });
});
