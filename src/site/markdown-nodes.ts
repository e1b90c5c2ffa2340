import type { Heading, Paragraph, RootContent } from 'mdast';

/** The admonition kinds of Docusaurus's theme (`:::danger`), as its admonitions plugin reads them. */
export type AdmonitionKind = 'note' | 'tip' | 'info' | 'warning' | 'danger';

/** A Docusaurus admonition (`:::kind[title] … :::`) as the directive node its admonitions plugin turns into one. */
export function admonition(kind: AdmonitionKind, title: string, children: RootContent[]): RootContent {
  return { type: 'containerDirective', name: kind, attributes: { title }, children } as unknown as RootContent;
}

/** A paragraph of plain text: the page shows it as text whatever it holds. */
export function textParagraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/** A bullet list of plain-text items. */
export function textList(items: readonly string[]): RootContent {
  return { type: 'list', ordered: false, spread: false, children: items.map((item) => ({ type: 'listItem', spread: false, children: [textParagraph(item)] })) };
}

/** An inline `<span className="…">text</span>`: the table of contents keeps its class, so a global style can mark it. */
export function classedSpan(className: string, text: string): Heading['children'][number] {
  return {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: className }],
    children: [{ type: 'text', value: text }],
  } as unknown as Heading['children'][number];
}

/** Gives a node an HTML id (a heading, a list item): Docusaurus keeps an id already set on a heading. */
export function setHtmlId(node: { data?: object }, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown>; id?: string };
  data.hProperties = { ...data.hProperties, id };
}
