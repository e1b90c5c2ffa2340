import { z } from 'zod';

/** The resource types whose delete or replace fails 3.6.2 unless the configuration says otherwise. */
export const defaultProtectedTypes = ['aws_s3_bucket', 'aws_dynamodb_table', 'snowflake_storage_integration', 'snowflake_stage', 'aws_iam_role'];

const planSourceSchema = z.strictObject({
  /** A `terraform show -json` file, relative to the working directory. Wins over the artifact. */
  file: z.string().min(1).optional(),
  /** A binary plan file to render with `terraform show -json` (or `tofu`) when one is installed. */
  binaryFile: z.string().min(1).optional(),
  /** The workflow run artifact that holds the plan JSON, and the file inside it. */
  artifact: z.strictObject({ name: z.string().min(1), file: z.string().min(1).default('plan.json') }).optional(),
  /** The largest plan JSON read, in bytes. */
  maxBytes: z.number().int().positive().default(50 * 1024 * 1024),
});

/** Scenario 3.6: the Terraform workflow, its plan, the CI role and the state lock. */
export const terraformSchema = z.strictObject({
  /** The workflow that plans and applies: its file name (`terraform.yml`) or numeric id. */
  workflow: z.union([z.string().min(1), z.number().int().positive()]),
  /** The branch whose runs count; omit for every branch. */
  branch: z.string().min(1).optional(),
  /** At most this many log lines are quoted from a failed step. */
  logExcerptLines: z.number().int().positive().max(500).default(40),
  plan: planSourceSchema.default({ maxBytes: 50 * 1024 * 1024 }),
  /** Resource types whose delete or replace fails 3.6.2. */
  protectedTypes: z.array(z.string().min(1)).default(defaultProtectedTypes),
  /** Resource addresses (`*` matches any characters) whose delete or replace fails 3.6.2, whatever their type. */
  protectedAddresses: z.array(z.string().min(1)).default([]),
  /** The role the workflow assumes, for IAM policy simulation in 3.6.4. */
  ciRoleArn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN').optional(),
  /** The DynamoDB table that holds the state lock. */
  lockTable: z.string().min(3).optional(),
  /** A lock older than this many minutes is stale. */
  staleLockMinutes: z.number().positive().default(60),
});

/** Terraform settings of one environment. */
export type TerraformConfig = z.infer<typeof terraformSchema>;
