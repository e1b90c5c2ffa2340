import type { Manifest, ManifestNode } from './manifest';
import { isProblem, type NodeResult, type RunResults } from './run-results';
import { testedModel, testSqlFile } from './tested-model';

/** A node that failed or errored in the latest invocation, with the model it concerns. */
export interface Failure {
  result: NodeResult;
  node: ManifestNode | null;
  /** The model a failing test tests, or the failing model itself. */
  model: ManifestNode | null;
}

/** Every failing or erroring node of the run, each mapped to its model through the manifest. */
export function failures(run: RunResults, manifest: Manifest): Failure[] {
  return run.results.filter(isProblem).map((result) => {
    const node = manifest.nodes.get(result.uniqueId) ?? null;
    const model = node?.resourceType === 'test' ? testedModel(node, manifest) : node;
    return { result, node, model };
  });
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

/** A failure as evidence: the node, its status and message, the model, and the test's SQL file. */
export function describeFailure(failure: Failure): Record<string, string | number | null> {
  const sql = failure.node ? testSqlFile(failure.node) : { declaredIn: null, sqlFile: null };
  return {
    node: failure.result.uniqueId,
    status: failure.result.status,
    failures: failure.result.failures,
    message: failure.result.message?.slice(0, 500) ?? null,
    model: failure.model?.name ?? null,
    modelFile: failure.model?.originalFilePath ?? null,
    ...(failure.node?.resourceType === 'test' ? { declaredIn: sql.declaredIn, sqlFile: sql.sqlFile } : {}),
  };
}
