import type { Node } from 'unist';
import type { SourcePosition } from '../model';

/** The start of a node as a source position in `file` (line 1, column 1 when the node has none). */
export function positionOf(node: Node, file: string, lineOffset = 0): SourcePosition {
  const start = node.position?.start;
  return { file, line: (start?.line ?? 1) + lineOffset, column: start?.column ?? 1 };
}
