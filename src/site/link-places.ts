import type { Link, Nodes, Parent, Root, RootContent } from 'mdast';

/** Where a check link sits: its parent, and the block its step's badge goes into or after. */
export interface LinkPlace {
  parent: Parent;
  /** The list item holding the link, when the step is a list item. */
  listItem?: Parent;
  /** The top-level block holding the link: the badge goes after it when there is no list item. */
  block: RootContent;
}

/** Finds the place of every link of `links` in `tree`, in one walk. */
export function findLinkPlaces(tree: Root, links: ReadonlySet<Link>): Map<Link, LinkPlace> {
  const places = new Map<Link, LinkPlace>();
  const walk = (node: Nodes, ancestors: Parent[]): void => {
    if (node.type === 'link' && links.has(node)) {
      const listItem = [...ancestors].reverse().find((ancestor) => ancestor.type === 'listItem');
      places.set(node, { parent: ancestors.at(-1)!, block: (ancestors[1] ?? node) as RootContent, ...(listItem ? { listItem } : {}) });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, [...ancestors, node]);
  };
  walk(tree, []);
  return places;
}
