import type { Root, RootContent } from 'mdast';
import type { Runbook } from '../model';
import { jsxElement } from './mdx-nodes';
import { sandboxBanner, storeProblemsNotice } from './results-notices';
import { resultsPageView } from './results-page-view';
import type { SiteResults } from './site-results';

/** The element an MDX page writes (`<RunbookResults />`) where the results page goes; the plugin gives it its data. */
export const resultsComponent = 'RunbookResults';

/** True for the `<RunbookResults />` element of an MDX page. */
export function isResultsPlaceholder(node: RootContent): boolean {
  const element = node as { type: string; name?: string };
  return element.type === 'mdxJsxFlowElement' && element.name === resultsComponent;
}

/** Replaces each `<RunbookResults />` of the page by the store's notices, a sandbox banner and the results with their data. */
export function fillResultsPage(tree: Root, runbook: Runbook, results: SiteResults): void {
  const page = [
    ...storeProblemsNotice(results.problems),
    ...sandboxBanner(results.runs),
    jsxElement(resultsComponent, { results: resultsPageView(runbook, results) }) as unknown as RootContent,
  ];
  tree.children = tree.children.flatMap((node) => (isResultsPlaceholder(node) ? page : [node]));
}
