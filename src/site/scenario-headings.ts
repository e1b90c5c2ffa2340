import type { Root, RootContent } from 'mdast';
import type { Severity } from '../model';
import { headingScenarioId } from '../parser/scenario-heading';
import { admonition, classedSpan, setHtmlId, type AdmonitionKind } from './markdown-nodes';
import type { SeverityGuidelines } from './severity-guidelines';
import type { ScenarioSummaryView } from './step-view';

const kindOf: Record<Severity, AdmonitionKind> = { low: 'note', medium: 'info', high: 'warning', critical: 'danger' };

/** The class of the mark on a failing scenario's heading; the table of contents keeps it (see custom.css). */
export const failingMarkClass = 'runbook-failing-mark';

function severityNote(severity: Severity, guidelines: SeverityGuidelines): RootContent {
  const description = guidelines.describe.get(severity);
  const children: RootContent[] = [];
  if (description) children.push({ type: 'text', value: `${description}. ` } as RootContent);
  if (guidelines.anchor) children.push({ type: 'link', url: `#${guidelines.anchor}`, children: [{ type: 'text', value: 'Severity guidelines' }] } as RootContent);
  return admonition(kindOf[severity], `Severity: ${severity}`, children.length ? [{ type: 'paragraph', children } as RootContent] : []);
}

/**
 * Gives every scenario heading its stable id, marks the heading of a failing scenario (the mark shows in
 * the table of contents too), and puts the scenario's severity, from the front matter, under its heading.
 */
export function decorateScenarioHeadings(tree: Root, summaries: ReadonlyMap<string, ScenarioSummaryView>, guidelines: SeverityGuidelines): void {
  tree.children = tree.children.flatMap((node) => {
    if (node.type !== 'heading') return [node];
    const summary = summaries.get(headingScenarioId(node) ?? '');
    if (!summary) return [node];
    setHtmlId(node, summary.anchor);
    if (summary.failing) node.children.push({ type: 'text', value: ' ' }, classedSpan(failingMarkClass, 'failing'));
    return summary.severity ? [node, severityNote(summary.severity, guidelines)] : [node];
  });
}
