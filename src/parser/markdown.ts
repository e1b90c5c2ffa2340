import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown into an mdast tree with positions, YAML front matter kept as a `yaml` node. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
