import type { TerraformPlan } from './read-plan';

/**
 * Why the plan does not show everything an apply would do: Terraform stopped at an error, deferred changes,
 * or marked it incomplete (`-target`). Empty for a complete plan; a check that reads it must not pass otherwise.
 */
export function incompleteness(plan: TerraformPlan): string[] {
  const reasons: string[] = [];
  if (plan.errored) reasons.push('Terraform stopped planning at an error ("errored": true): changes after the error are missing');
  if (plan.deferred.length) {
    const named = plan.deferred.slice(0, 5).map((d) => `${d.address} (${d.deferReason})`);
    reasons.push(`${plan.deferred.length} change${plan.deferred.length > 1 ? 's' : ''} deferred to a later plan: ${named.join(', ')}${plan.deferred.length > 5 ? ', …' : ''}`);
  }
  if (plan.complete === false && !plan.errored && !plan.deferred.length) reasons.push('the plan is marked incomplete ("complete": false, e.g. made with -target): another plan must follow');
  return reasons;
}

/** The check blocks, conditions and validations that failed or errored, with their messages. */
export function failedChecks(plan: TerraformPlan): string[] {
  return plan.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.address} ${c.status === 'fail' ? 'failed' : 'errored'}${c.problems.length ? `: ${c.problems.join('; ')}` : ''}`);
}

/** ` ; the plan is also incomplete: …`, to append to a failure found in an incomplete plan; empty for a complete plan. */
export function alsoIncomplete(plan: TerraformPlan): string {
  const reasons = incompleteness(plan);
  return reasons.length ? `; the plan is also incomplete: ${reasons.join('; ')}` : '';
}
