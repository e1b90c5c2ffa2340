import type { Link, Nodes, Parent, Root, RootContent } from 'mdast';
import type { CheckDefinition } from '../check-api';
import { isReported, type Step } from '../model';
import type { DocumentModel } from '../parser';
import { checkCommand } from './check-command';
import { findLinkPlaces } from './link-places';
import { setHtmlId } from './markdown-nodes';
import { jsxElement } from './mdx-nodes';
import type { SiteResults } from './site-results';
import { stepResultView } from './step-result-view';
import type { ManualStepView, RunbookStepView } from './step-view';

/** The names the step components are imported under in a transformed document. */
export const stepComponents = { linked: 'RunbookStep', manual: 'ManualStep' } as const;

/** The view of a linked step: its check, and its latest result in every environment, the most recent first. */
export function runbookStepView(step: Step, check: CheckDefinition, results: SiteResults): RunbookStepView {
  const views = results.latestOf(step.id, check.id).map((latest) => stepResultView(latest, step.role, results.linkRule(latest.environment)));
  const [latest] = views;
  return {
    stepId: step.id,
    role: step.role,
    checkId: check.id,
    title: check.title,
    establishes: check.establishes,
    kind: check.kind,
    command: latest?.command ?? checkCommand(step.id),
    ...(check.kind === 'action' ? { fixCommand: latest?.fixCommand ?? checkCommand(step.id, { fix: true }) } : {}),
    results: views,
  };
}

/**
 * Puts a badge under every reported step of the document, and gives the step's item the id `step-<id>`:
 * a check link becomes its text and the `RunbookStep` badge; an action, symptom or cause without a check
 * gets the `ManualStep` badge. Returns the component names used.
 */
export function placeStepBadges(tree: Root, model: DocumentModel, checkOf: Map<Step, CheckDefinition>, results: SiteResults): Set<string> {
  const used = new Set<string>();
  const places = findLinkPlaces(tree, new Set(model.stepOfLink.keys()));
  const afterBlock = new Map<RootContent, RootContent[]>();
  const put = (badge: RootContent, item: Parent | undefined, block: RootContent): void => {
    if (item) item.children.push(badge);
    else afterBlock.set(block, [...(afterBlock.get(block) ?? []), badge]);
  };
  for (const [link, step] of model.stepOfLink) {
    const place = places.get(link)!;
    unwrapLink(place.parent.children, link);
    setHtmlId(place.listItem ?? place.block, `step-${step.id}`);
    put(jsxElement(stepComponents.linked, { step: runbookStepView(step, checkOf.get(step)!, results) }) as unknown as RootContent, place.listItem, place.block);
    used.add(stepComponents.linked);
  }
  for (const [step, node] of model.nodeOfStep) {
    if (step.check || !isReported(step) || node.type !== 'listItem') continue;
    setHtmlId(node, `step-${step.id}`);
    const view: ManualStepView = { stepId: step.id, role: step.role };
    (node as Parent).children.push(jsxElement(stepComponents.manual, { step: view }) as unknown as RootContent);
    used.add(stepComponents.manual);
  }
  tree.children = tree.children.flatMap((block) => [block, ...(afterBlock.get(block) ?? [])]);
  return used;
}

/** Replaces a check link by its text: the module path means nothing to a reader of the site. */
function unwrapLink(siblings: Nodes[], link: Link): void {
  siblings.splice(siblings.indexOf(link), 1, ...link.children);
}
