import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { sectionStarts } from './sections';

const root = path.resolve(__dirname, '..', '..');
const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The project's Markdown, the seed runbook beside the project when present, and cases made to break a naive split. */
const documents: Array<[string, string]> = [
  ...readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file): [string, string] => [`docs/${file}`, readFileSync(path.join(root, 'docs', file), 'utf8')]),
  ...(existsSync(path.join(root, '..', 'shared', 'seed', '05-operational-runbook.md')) ? [['seed runbook', readFileSync(path.join(root, '..', 'shared', 'seed', '05-operational-runbook.md'), 'utf8')] as [string, string]] : []),
  ['a heading inside a fence', '# A\n\ntext\n\n```sh\n# a comment, not a heading\n## nor this\n```\n\n## B\n\n- item\n'],
  ['a tilde fence with a longer closing', '# A\n~~~~\n# code\n~~~\n# still code\n~~~~~\n## B\n'],
  ['front matter with YAML comments', '---\ntitle: x\n# a YAML comment\n---\n# A\n\n1. one\n2. two\n\n### B\n\n> quote\n> # quoted heading\n## C\n'],
  ['headings that interrupt a paragraph and a list', '# A\ntext right before\n## B\n- a\n- b\n### C\n1. x\n   - nested\n#### D\nlazy\n'],
  ['CRLF line endings', '# A\r\n\r\ntext\r\n\r\n## B\r\n\r\n- one\r\n- two\r\n'],
  ['a link reference defined in another section', '# A\n\nsee [the docs][ref]\n\n## B\n\n[ref]: https://example.test/\n'],
  ['an HTML block across a heading', '# A\n\n<details>\n# not split here\n</details>\n\n## B\n'],
  ['no trailing newline', '# A\n\ntext\n## B\nlast'],
  ['only headings', '#\n##\n# A #\n#5 not a heading\n'],
];

describe('parseMarkdown, section by section', () => {
  it.each(documents)('gives the tree a whole-document parse gives: %s', (_name, text) => {
    expect(parseMarkdown(text)).toEqual(whole.parse(text));
  });

  it('splits at margin headings outside fences and front matter, and not at all across definitions, HTML or lone CR', () => {
    expect(sectionStarts('---\n# c\n---\n# A\n```\n# x\n```\n## B\n').map((s) => s.line)).toEqual([1, 4, 8]);
    expect(sectionStarts('# A\n[r]: /x\n## B\n')).toHaveLength(1);
    expect(sectionStarts('# A\n<div>\n## B\n')).toHaveLength(1);
    expect(sectionStarts('# A\r## B\r')).toHaveLength(1);
  });
});
