import type { Manifest, ManifestNode, ManifestSource } from './manifest';
import { isProblem, type NodeResult, type RunResults } from './run-results';
import { testedModel, testedSource, testSqlFile } from './tested-model';

/** A node that failed, errored or warned in the latest invocation, with the model (or source) it concerns. */
export interface Failure {
  result: NodeResult;
  node: ManifestNode | null;
  /** The model a failing test tests, or the failing model itself. */
  model: ManifestNode | null;
  /** The source a failing test tests, for a test declared on a source: there is no model to fix. */
  source: ManifestSource | null;
}

function mapped(result: NodeResult, manifest: Manifest | null): Failure {
  const node = manifest?.nodes.get(result.uniqueId) ?? null;
  if (!manifest || node?.resourceType !== 'test') return { result, node, model: node, source: null };
  return { result, node, model: testedModel(node, manifest), source: testedSource(node, manifest) };
}

/** Every failing or erroring node of the run, each mapped to its model through the manifest (unmapped without one). */
export function failures(run: RunResults, manifest: Manifest | null): Failure[] {
  return run.results.filter(isProblem).map((result) => mapped(result, manifest));
}

/** Every node that ended `warn`: a test over its warn threshold (`severity: warn`) returned rows. */
export function warnings(run: RunResults, manifest: Manifest | null): Failure[] {
  return run.results.filter((result) => result.status === 'warn').map((result) => mapped(result, manifest));
}

/** How a failure is named: `not_null_x_id`, or `source test source_not_null_raw_users_sex on source raw.users`. */
export function failureName(failure: Failure): string {
  const name = failure.node?.name ?? failure.result.uniqueId;
  return failure.source ? `source test ${name} on source ${failure.source.sourceName}.${failure.source.name}` : name;
}

/** The models a failure concerns, plus the models the run skipped (they did not build because something upstream failed). */
export function affectedModels(run: RunResults, manifest: Manifest): { failing: ManifestNode[]; skipped: ManifestNode[] } {
  const failing = new Map<string, ManifestNode>();
  for (const failure of failures(run, manifest)) if (failure.model) failing.set(failure.model.uniqueId, failure.model);
  const skipped = new Map<string, ManifestNode>();
  for (const result of run.results.filter((r) => r.status === 'skipped')) {
    const node = manifest.nodes.get(result.uniqueId);
    const model = node?.resourceType === 'test' ? testedModel(node, manifest) : node;
    if (model && model.resourceType !== 'test' && !failing.has(model.uniqueId)) skipped.set(model.uniqueId, model);
  }
  return { failing: [...failing.values()], skipped: [...skipped.values()] };
}

/** A failure as evidence: the node, its status and message, the model or source, and the test's SQL file. */
export function describeFailure(failure: Failure): Record<string, string | number | null> {
  const sql = failure.node ? testSqlFile(failure.node) : { declaredIn: null, sqlFile: null };
  return {
    node: failure.result.uniqueId,
    status: failure.result.status,
    failures: failure.result.failures,
    message: failure.result.message?.slice(0, 500) ?? null,
    model: failure.model?.name ?? null,
    modelFile: failure.model?.originalFilePath ?? null,
    ...(failure.source ? { source: `${failure.source.sourceName}.${failure.source.name}`, relation: failure.source.relationName } : {}),
    ...(failure.node?.resourceType === 'test' ? { declaredIn: sql.declaredIn, sqlFile: sql.sqlFile } : {}),
  };
}
