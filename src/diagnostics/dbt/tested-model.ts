import type { Manifest, ManifestNode, ManifestSource } from './manifest';

const modelTypes = new Set(['model', 'seed', 'snapshot']);

/**
 * The model a test checks: `attached_node` (dbt ≥ 1.5), else the model its `file_key_name` or `model`
 * argument names, else the first model it depends on. Null for a node that is not a test or tests no model.
 */
export function testedModel(test: ManifestNode, manifest: Manifest): ManifestNode | null {
  if (test.resourceType !== 'test') return null;
  const byId = (id: string | null | undefined) => (id ? manifest.nodes.get(id) ?? null : null);
  const attached = byId(test.attachedNode);
  if (attached) return attached;
  const named = /^models\.(\w+)$/.exec(test.fileKeyName ?? '')?.[1] ?? /ref\(\s*['"](\w+)['"]\s*\)/.exec(String(test.testMetadata?.kwargs.model ?? ''))?.[1];
  const parents = test.dependsOn.map(byId).filter((node): node is ManifestNode => node !== null && modelTypes.has(node.resourceType));
  return parents.find((node) => node.name === named) ?? parents[0] ?? null;
}

/** The source a test checks when it tests no model (a test declared under `sources:`), or null. */
export function testedSource(test: ManifestNode, manifest: Manifest): ManifestSource | null {
  if (test.resourceType !== 'test' || testedModel(test, manifest)) return null;
  const id = test.dependsOn.find((parent) => parent.startsWith('source.'));
  return id ? manifest.sources.get(id) ?? null : null;
}

/** The tests of a model, by the same rule. */
export function testsOf(model: ManifestNode, manifest: Manifest): ManifestNode[] {
  return [...manifest.nodes.values()].filter((node) => node.resourceType === 'test' && testedModel(node, manifest)?.uniqueId === model.uniqueId);
}

/** Where a test's SQL is: the singular test's file, or for a generic test its compiled file and the YAML that declares it. */
export function testSqlFile(test: ManifestNode): { declaredIn: string | null; sqlFile: string | null } {
  const declaredIn = test.originalFilePath;
  if (declaredIn?.endsWith('.sql')) return { declaredIn, sqlFile: declaredIn };
  const compiled = test.compiledPath ?? (test.packageName && declaredIn && test.path ? `target/compiled/${test.packageName}/${declaredIn}/${test.path}` : null);
  return { declaredIn, sqlFile: compiled };
}
