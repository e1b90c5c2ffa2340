import type { PlanDocumentKind } from './plan-errors';

/** Top-level keys only a plan has: `terraform show -json` always writes planned_values and configuration for a plan. */
const planKeys = ['planned_values', 'resource_changes', 'resource_drift', 'deferred_changes', 'prior_state', 'configuration', 'output_changes'];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Tells what a JSON document given as a plan is: a plan, a state document (`terraform show -json` without a
 * plan file; an empty state is `{"format_version":"1.0"}` alone), a raw state file, a UI stream message, or unknown.
 */
export function classifyPlanJson(json: unknown): PlanDocumentKind {
  if (!isObject(json)) return 'unknown';
  if ('@message' in json || '@level' in json) return 'ui-stream';
  if (!('format_version' in json)) return typeof json.version === 'number' && ('lineage' in json || 'resources' in json) ? 'state-file' : 'unknown';
  if (planKeys.some((key) => key in json)) return 'plan';
  return 'values' in json || Object.keys(json).every((key) => key === 'format_version' || key === 'terraform_version') ? 'state' : 'unknown';
}
