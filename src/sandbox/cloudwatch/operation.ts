import type { z } from 'zod';
import type { PermissionOf } from '../authorization/permission';
import type { ServiceEnv } from '../core/service';
import type { SandboxStates } from '../states';

/** An operation's answer in the AWS JSON shape (lists as arrays, times as Dates), or an error by its query code. */
export type CloudwatchResult = { result: Record<string, unknown> } | { error: { code: string; message: string; status?: number } };

/** One CloudWatch operation, written once for both of its protocols (awsQuery and awsJson1_0): input schema and handler. */
export interface CloudwatchOperation<Schema extends z.ZodType = z.ZodType> {
  input: Schema;
  /** What IAM authorizes a request as, when the sandbox enforces a caller policy. */
  permission?: PermissionOf<z.infer<Schema>, ServiceEnv<SandboxStates>>;
  run(input: z.infer<Schema>, env: ServiceEnv<SandboxStates>): CloudwatchResult;
}

/** Declares a CloudWatch operation; the identity function that ties the handler's input to its schema. */
export function cloudwatchOperation<Schema extends z.ZodType>(operation: CloudwatchOperation<Schema>): CloudwatchOperation<Schema> {
  return operation;
}
