import type { CheckDefinition } from '../check-api';
import { loadCheck } from '../catalog/load-check';
import { planPermissions } from '../least-privilege';
import { UnknownEnvironmentError } from '../runner/environment-errors';
import { selectSteps } from '../runner/select';
import type { CliSession } from './cli-session';
import { buildIamPolicyText } from './iam-policy-text';
import { exitCodes } from './options';

/**
 * `npm run check -- --iam-policy [scenario…]`: prints the IAM policies (read-only, remediation) and the other
 * systems' grants that the selected steps' checks need in the environment; with --json, one document.
 * Exit 2 when a check uses an operation that no permission table knows.
 */
export function runIamPolicy(session: CliSession, ids: readonly string[]): number {
  const { root, config, runbook, options, io } = session;
  const environment = options.env ?? config.defaultEnvironment;
  const env = config.environments[environment];
  if (!env) throw new UnknownEnvironmentError(environment, Object.keys(config.environments));
  const modules = [...new Set(selectSteps(runbook, ids).flatMap((step) => (step.check ? [step.check.modulePath] : [])))];
  const checks: CheckDefinition[] = modules.map((modulePath) => loadCheck(root, modulePath));
  const plan = planPermissions(checks, env);
  if (options.json) {
    io.out(`${JSON.stringify({ environment, selection: ids, readOnly: plan.readOnly.policy, remediation: plan.remediation.policy, notes: plan.readOnly.notes, snowflake: plan.snowflake, github: plan.github, airflow: plan.airflow, local: plan.local, checks: plan.checks, actions: plan.actions, unmapped: plan.unmapped }, null, 2)}\n`);
  } else {
    io.out(buildIamPolicyText(plan, environment, ids));
  }
  if (plan.unmapped.length) {
    io.err(`Unexpected operations without a known permission: ${plan.unmapped.join(', ')}; expected entries of the tables in src/least-privilege/\n`);
    return exitCodes.unusable;
  }
  return exitCodes.ok;
}
