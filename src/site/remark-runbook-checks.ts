import type { Link, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { loadCheck } from '../catalog/load-check';
import { compareDiagnostics, formatDiagnostic } from '../model';
import { buildDocument } from '../parser/build-document';
import { checkCommand } from './check-command';
import { documentSourceOf } from './document-source';
import { readLatestResults } from './latest-results';
import { findLinkPlaces } from './link-places';
import { defaultImport, jsxElement } from './mdx-nodes';
import { RunbookBuildError } from './runbook-build-error';
import { resolveStepChecks, type CheckLoader } from './step-checks';
import type { RunbookStepView } from './step-view';

/** Options of the runbook remark plugin, as `docusaurus.config.ts` passes them. */
export interface RemarkRunbookChecksOptions {
  /** The project root: where `checks/` and `.runbook/` live, and what document paths are relative to. */
  root: string;
  /** The module the step component is imported from. */
  component?: string;
  /** The result document to show, relative to `root`; defaults to the CLI's latest run. */
  resultsFile?: string;
  /** Loads a check module; the catalog's `loadCheck` unless a test gives another. */
  loadCheck?: CheckLoader;
  /** A fingerprint of the checks and results; unused here, it keys Docusaurus's cache of compiled docs. */
  inputs?: string;
}

/** The name the step component is imported under in every transformed document. */
export const stepComponentName = 'RunbookStep';

/** Where the step component lives, as webpack resolves it in the Docusaurus site. */
export const defaultStepComponent = '@site/src/site/components/RunbookStep';

/**
 * Turns every check link of a runbook document into the step's check badge (`<RunbookStep>`), using
 * the project's parser; fails the build with file:line:column on a broken link or a parser error.
 * Register it in `beforeDefaultRemarkPlugins`, before Docusaurus resolves links.
 */
const remarkRunbookChecks: Plugin<[RemarkRunbookChecksOptions], Root> = (options) => {
  const load = options.loadCheck ?? loadCheck;
  return async (tree: Root, file: VFile) => {
    const source = documentSourceOf({ path: file.path ?? `${options.root}/document.md`, value: String(file.value) }, options.root);
    const model = buildDocument(tree, source);
    const steps = [...model.stepOfLink.values()];
    const checks = await resolveStepChecks(steps, source.file, options.root, load);
    const problems = [...model.diagnostics, ...checks.diagnostics];
    for (const warning of problems.filter((problem) => problem.severity === 'warning')) console.warn(formatDiagnostic(warning));
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) throw new RunbookBuildError(errors.sort(compareDiagnostics));
    if (steps.length === 0) return;

    const latest = readLatestResults(options.root, options.resultsFile);
    if (latest.problem) console.warn(`Ignoring the last run's results: ${latest.problem}`);
    const places = findLinkPlaces(tree, new Set(model.stepOfLink.keys()));
    const afterBlock = new Map<RootContent, RootContent[]>();
    for (const [link, step] of model.stepOfLink) {
      const check = checks.checkOf.get(step)!;
      const result = latest.byStep.get(step.id);
      const view: RunbookStepView = {
        stepId: step.id,
        checkId: check.id,
        title: check.title,
        establishes: check.establishes,
        kind: check.kind,
        command: checkCommand(step.id),
        ...(check.kind === 'action' ? { fixCommand: checkCommand(step.id, { fix: true }) } : {}),
        ...(result && result.check === check.id ? { result: result.view } : {}),
      };
      const badge = jsxElement(stepComponentName, { step: view }) as unknown as RootContent;
      const place = places.get(link)!;
      unwrapLink(place.parent.children, link);
      if (place.listItem) place.listItem.children.push(badge);
      else afterBlock.set(place.block, [...(afterBlock.get(place.block) ?? []), badge]);
    }
    tree.children = tree.children.flatMap((block) => [block, ...(afterBlock.get(block) ?? [])]);
    tree.children.push(defaultImport(stepComponentName, options.component ?? defaultStepComponent) as unknown as RootContent);
  };
};

export default remarkRunbookChecks;

/** Replaces a check link by its text: the module path means nothing to a reader of the site. */
function unwrapLink(siblings: unknown[], link: Link): void {
  siblings.splice(siblings.indexOf(link), 1, ...link.children);
}
