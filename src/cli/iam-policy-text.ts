import type { PermissionPlan } from '../least-privilege';
import type { SystemGrants } from '../least-privilege/system-permission';

const indent = (lines: readonly string[]) => lines.map((line) => `  ${line}`);

function grantLines(title: string, grants: SystemGrants, readLabel: string, fixLabel: string): string[] {
  if (!grants.read.length && !grants.remediation.length) return [];
  return [
    title,
    ...(grants.read.length ? [`${readLabel}:`, ...indent(grants.read)] : []),
    ...(grants.remediation.length ? [`${fixLabel}:`, ...indent(grants.remediation)] : []),
    '',
  ];
}

/** The permission plan as a person reads it: the two IAM policy documents as JSON, then the other systems' grants as text. */
export function buildIamPolicyText(plan: PermissionPlan, environment: string, selection: readonly string[]): string {
  const scope = selection.length ? `scenarios and steps ${selection.join(', ')}` : 'every scenario';
  const out = [
    `Least privilege for env ${environment}, ${scope}: ${plan.checks.length} read-only checks, ${plan.actions.length} actions.`,
    '',
    '# AWS: IAM policy for the read-only checks (and the actions\' previews, which read without --fix)',
    JSON.stringify(plan.readOnly.policy, null, 2),
    ...(plan.readOnly.notes.length ? ['Resource patterns, to narrow where you can:', ...indent(plan.readOnly.notes.map((n) => `- ${n}`))] : []),
    '',
  ];
  if (plan.remediation.policy.Statement.length) {
    out.push(`# AWS: IAM remediation policy for the actions (${plan.actions.join(', ')}), only for whoever runs --fix`, JSON.stringify(plan.remediation.policy, null, 2), '');
  }
  out.push(
    ...grantLines('# Snowflake: grants for a reader role', plan.snowflake, 'Reader role', 'Remediation (--fix)'),
    ...grantLines('# GitHub: fine-grained personal access token (or GitHub App) permissions', plan.github, 'Read-only token', 'Token for --fix'),
    ...grantLines('# Airflow: role permissions', plan.airflow, 'Reader role (Viewer, limited to the DAG)', 'Operator role for --fix'),
  );
  if (plan.local.length) out.push('# dbt and network: nothing to grant', ...indent(plan.local), '');
  if (plan.unmapped.length) out.push(`Operations no permission table knows (add them to src/least-privilege/): ${plan.unmapped.join(', ')}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
