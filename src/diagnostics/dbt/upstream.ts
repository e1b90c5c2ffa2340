import type { Manifest, ManifestNode } from './manifest';

/** An upstream node of a model, with how far up it is. */
export interface UpstreamNode {
  node: ManifestNode;
  /** 1 for a direct parent. */
  depth: number;
}

/** True for a staging model: named `stg_…` or kept under a `staging` folder. */
export function isStaging(node: ManifestNode): boolean {
  return node.resourceType === 'model' && (node.name.startsWith('stg_') || /(^|\/)staging\//.test(node.originalFilePath ?? ''));
}

/** Every model, seed and snapshot upstream of a node through the parent map, nearest first (sources are left out). */
export function upstreamModels(uniqueId: string, manifest: Manifest, maxDepth = 10): UpstreamNode[] {
  const found = new Map<string, UpstreamNode>();
  let frontier = [uniqueId];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const parent of manifest.parentMap.get(id) ?? []) {
        const node = manifest.nodes.get(parent);
        if (!node || found.has(parent) || parent === uniqueId || node.resourceType === 'test') continue;
        found.set(parent, { node, depth });
        next.push(parent);
      }
    }
    frontier = next;
  }
  return [...found.values()];
}
