import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { sectionStarts, type SectionStart } from './sections';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Moves every position of a section's tree from the section's own coordinates to the document's. */
function shiftPositions(tree: Root, start: SectionStart): void {
  const lines = start.line - 1;
  const pending: Nodes[] = [...tree.children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.line += lines;
        if (point.offset !== undefined) point.offset += start.offset;
      }
    }
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
}

/** The point just past a text's last character, as micromark counts it. */
function endOf(text: string): { line: number; column: number; offset: number } {
  const lastNewline = text.lastIndexOf('\n');
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - lastNewline, offset: text.length };
}

/**
 * Parses Markdown into an mdast tree with positions, YAML front matter kept as a `yaml` node. A long document is
 * parsed section by section, at the headings where a section parses alone as it does in place (see sectionStarts),
 * so the cost grows with its length, not faster; the tree is the one a whole-document parse gives.
 */
export function parseMarkdown(text: string): Root {
  const starts = sectionStarts(text);
  if (starts.length === 1) return processor.parse(text);
  const root: Root = { type: 'root', children: [] };
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.offset ?? text.length;
    const section = processor.parse(text.slice(start.offset, end));
    shiftPositions(section, start);
    root.children.push(...section.children);
  });
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) };
  return root;
}
