/** Least privilege, generated: the IAM policies and the other systems' grants that a set of checks needs. */
export { planPermissions, type PermissionPlan } from './permission-plan';
export type { PolicyDocument } from './iam-policy';
