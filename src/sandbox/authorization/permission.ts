/** What IAM authorizes a request as: one action on one resource ARN (`*` for an action without resource types). */
export interface IamPermission {
  /** The IAM action, `prefix:Name` (`glue:GetJobRuns`, `s3:ListBucket`). */
  action: string;
  /** The resource ARN the request names, as IAM evaluates it, or `*`. */
  resource: string;
}

/**
 * How a sandbox operation is authorized: the permissions one request needs (an empty list for an operation AWS never
 * authorizes, such as sts:GetCallerIdentity). An operation that declares none is denied while a caller policy is enforced.
 */
export type PermissionOf<Input, Env> = (input: Input, env: Env) => IamPermission | readonly IamPermission[];

/** The permissions of a request as a list, from what an operation's declaration returns. */
export function permissionList(declared: IamPermission | readonly IamPermission[]): readonly IamPermission[] {
  return Array.isArray(declared) ? declared : [declared as IamPermission];
}
