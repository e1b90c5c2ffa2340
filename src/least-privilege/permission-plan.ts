import type { CheckDefinition } from '../check-api';
import type { EnvironmentConfig } from '../config';
import { iamActionSpec } from './aws-service-actions';
import { airflowGrants } from './airflow-permissions';
import { githubGrants } from './github-permissions';
import { buildIamPolicy, type BuiltPolicy } from './iam-policy';
import { localNeeds } from './local-operations';
import { iamActionsFor, isAwsOperation } from './operation-actions';
import { snowflakeGrants } from './snowflake-grants';
import type { SystemGrants } from './system-permission';

/** Every permission a set of checks needs, read-only and remediation apart, per system. */
export interface PermissionPlan {
  /** The checks the plan covers, by id, read-only checks and actions apart. */
  checks: string[];
  actions: string[];
  /** The IAM policy for the read-only checks and the actions' previews (dry runs read too). */
  readOnly: BuiltPolicy;
  /** The IAM policy an action adds when it runs with --fix: its writes only. */
  remediation: BuiltPolicy;
  snowflake: SystemGrants;
  github: SystemGrants;
  airflow: SystemGrants;
  /** What the dbt and network operations need (nothing to grant, but worth knowing). */
  local: string[];
  /** `uses` entries no table knows: a test keeps this empty. */
  unmapped: string[];
}

/** True for an AWS `uses` entry whose IAM actions change something (Write, Permissions management, Tagging). */
export function isAwsWrite(entry: string): boolean {
  return iamActionsFor(entry).some((action) => {
    const access = iamActionSpec(action)?.access;
    return access !== undefined && access !== 'Read' && access !== 'List';
  });
}

/**
 * The permissions the given checks need in an environment: an IAM policy for everything read (the checks,
 * and the actions' previews, which run without --fix), a remediation policy for the actions' writes, and the
 * grants of Snowflake, GitHub and Airflow, read and remediation apart.
 */
export function planPermissions(checks: readonly CheckDefinition[], env: EnvironmentConfig): PermissionPlan {
  const entries = [...new Set(checks.flatMap((check) => check.uses))].sort();
  const actionEntries = new Set(checks.filter((check) => check.kind === 'action').flatMap((check) => check.uses));
  const aws = entries.filter(isAwsOperation);
  const readOnly = buildIamPolicy(aws.filter((entry) => !isAwsWrite(entry)), env);
  const remediation = buildIamPolicy(aws.filter((entry) => isAwsWrite(entry) && actionEntries.has(entry)), env);
  const snowflake = snowflakeGrants(entries, env);
  const github = githubGrants(entries, env);
  const airflow = airflowGrants(entries, env);
  const local = localNeeds(entries);
  const known = /^(?:snowflake|github|airflow|dbt|tcp):/;
  const unknownSystem = entries.filter((entry) => !isAwsOperation(entry) && !known.test(entry));
  return {
    checks: checks.filter((c) => c.kind === 'check').map((c) => c.id),
    actions: checks.filter((c) => c.kind === 'action').map((c) => c.id),
    readOnly,
    remediation,
    snowflake,
    github,
    airflow,
    local: local.lines,
    unmapped: [...new Set([...readOnly.unmapped, ...remediation.unmapped, ...snowflake.unmapped, ...github.unmapped, ...airflow.unmapped, ...local.unmapped, ...unknownSystem])].sort(),
  };
}
