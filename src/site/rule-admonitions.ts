import type { Root, RootContent } from 'mdast';
import { plainText } from '../parser/node-text';
import { readSectionLabel } from '../parser/section-label';
import { admonition } from './markdown-nodes';

const isImportantLabel = (node: RootContent): boolean => node.type === 'paragraph' && /^important:$/i.test(plainText(node));
const isNeverRule = (node: RootContent): boolean => node.type === 'paragraph' && /^never\b/i.test(plainText(node));
const isStepBadge = (node: RootContent): boolean => (node as { type: string }).type === 'mdxJsxFlowElement';
const isProse = (node: RootContent): boolean => node.type === 'paragraph' && !readSectionLabel(node) && !isNeverRule(node);

/**
 * Turns the runbook's rules into admonitions, leaving their words as they are: an `Important:` label and
 * the paragraphs after it (up to the next label, rule, heading or list) become an "Important" note; a paragraph
 * starting with "Never" becomes a "Rule" warning, with the badge of its check if it links one.
 */
export function ruleAdmonitions(tree: Root): void {
  const out: RootContent[] = [];
  const blocks = tree.children;
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index]!;
    if (isImportantLabel(node)) {
      let end = index + 1;
      while (end < blocks.length && (isProse(blocks[end]!) || isStepBadge(blocks[end]!))) end++;
      if (end === index + 1) out.push(node);
      else out.push(admonition('info', 'Important', blocks.slice(index + 1, end)));
      index = end - 1;
    } else if (isNeverRule(node)) {
      let end = index + 1;
      while (end < blocks.length && isStepBadge(blocks[end]!)) end++;
      out.push(admonition('danger', 'Rule', blocks.slice(index, end)));
      index = end - 1;
    } else {
      out.push(node);
    }
  }
  tree.children = out;
}
