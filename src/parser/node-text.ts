import type { Nodes } from 'mdast';

/** The text a reader sees in a node: link and emphasis syntax dropped, inline code kept. */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') {
    return node.type === 'inlineCode' ? `\`${node.value}\`` : node.value;
  }
  if ('children' in node) return node.children.map((child) => nodeText(child as Nodes)).join('');
  return '';
}

/** The text of a block node with whitespace folded, as one line. */
export function plainText(node: Nodes): string {
  return nodeText(node).replace(/\s+/g, ' ').trim();
}
