/** The IAM actions Terraform's AWS provider needs to create, update and delete one resource type (reads included). */
export interface ResourceTypeActions {
  create: readonly string[];
  update: readonly string[];
  delete: readonly string[];
}

/**
 * The resource types of this platform and what the AWS provider calls for each: a conservative subset
 * of what `terraform apply` needs, enough to tell a CI role that cannot do the plan's changes.
 */
export const actionsByResourceType: Readonly<Record<string, ResourceTypeActions>> = {
  aws_s3_bucket: {
    create: ['s3:CreateBucket', 's3:PutBucketTagging', 's3:GetBucketLocation', 's3:ListBucket'],
    update: ['s3:PutBucketTagging', 's3:GetBucketTagging', 's3:ListBucket'],
    delete: ['s3:DeleteBucket', 's3:ListBucket'],
  },
  aws_s3_bucket_notification: {
    create: ['s3:PutBucketNotification', 's3:GetBucketNotification'],
    update: ['s3:PutBucketNotification', 's3:GetBucketNotification'],
    delete: ['s3:PutBucketNotification'],
  },
  aws_s3_bucket_versioning: { create: ['s3:PutBucketVersioning'], update: ['s3:PutBucketVersioning'], delete: ['s3:PutBucketVersioning'] },
  aws_s3_object: { create: ['s3:PutObject'], update: ['s3:PutObject'], delete: ['s3:DeleteObject'] },
  aws_dynamodb_table: {
    create: ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:TagResource'],
    update: ['dynamodb:UpdateTable', 'dynamodb:DescribeTable', 'dynamodb:TagResource'],
    delete: ['dynamodb:DeleteTable', 'dynamodb:DescribeTable'],
  },
  aws_glue_job: { create: ['glue:CreateJob', 'glue:GetJob', 'iam:PassRole'], update: ['glue:UpdateJob', 'glue:GetJob', 'iam:PassRole'], delete: ['glue:DeleteJob'] },
  aws_glue_catalog_database: { create: ['glue:CreateDatabase'], update: ['glue:UpdateDatabase'], delete: ['glue:DeleteDatabase'] },
  aws_sfn_state_machine: {
    create: ['states:CreateStateMachine', 'states:DescribeStateMachine', 'iam:PassRole'],
    update: ['states:UpdateStateMachine', 'states:DescribeStateMachine', 'iam:PassRole'],
    delete: ['states:DeleteStateMachine'],
  },
  aws_iam_role: { create: ['iam:CreateRole', 'iam:GetRole', 'iam:TagRole'], update: ['iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:GetRole'], delete: ['iam:DeleteRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies'] },
  aws_iam_role_policy: { create: ['iam:PutRolePolicy', 'iam:GetRolePolicy'], update: ['iam:PutRolePolicy', 'iam:GetRolePolicy'], delete: ['iam:DeleteRolePolicy'] },
  aws_iam_policy: { create: ['iam:CreatePolicy', 'iam:GetPolicy'], update: ['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion'], delete: ['iam:DeletePolicy'] },
  aws_iam_role_policy_attachment: { create: ['iam:AttachRolePolicy'], update: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'], delete: ['iam:DetachRolePolicy'] },
  aws_sqs_queue: { create: ['sqs:CreateQueue', 'sqs:GetQueueAttributes'], update: ['sqs:SetQueueAttributes'], delete: ['sqs:DeleteQueue'] },
  aws_cloudwatch_log_group: { create: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy'], update: ['logs:PutRetentionPolicy'], delete: ['logs:DeleteLogGroup'] },
};
