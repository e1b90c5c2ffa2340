import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { loadCheck } from '../catalog/load-check';
import type { RunbookConfig } from '../config';
import { compareDiagnostics, formatDiagnostic } from '../model';
import { buildDocument } from '../parser/build-document';
import { defaultLayout, loadRunbook } from '../parser/load';
import { formatStoreProblem } from '../results';
import { documentSourceOf } from './document-source';
import { defaultImport } from './mdx-nodes';
import { fillResultsPage, isResultsPlaceholder, resultsComponent } from './results-page';
import { RunbookBuildError } from './runbook-build-error';
import { transformRunbookPage } from './runbook-page';
import { loadSiteResults } from './site-results';
import { resolveStepChecks, type CheckLoader } from './step-checks';

/** Options of the runbook remark plugin, as `docusaurus.config.ts` passes them. */
export interface RemarkRunbookChecksOptions {
  /** The project root: where `checks/` and `.runbook/` live, and what document paths are relative to. */
  root: string;
  /** The validated runbook.config.ts: which consoles each environment names. Without it no link is clickable. */
  config?: RunbookConfig;
  /** The folder the components are imported from, as webpack resolves it. */
  componentsDir?: string;
  /** Loads a check module; the catalog's `loadCheck` unless a test gives another. */
  loadCheck?: CheckLoader;
  /** A fingerprint of the checks and results; unused here, it keys Docusaurus's cache of compiled docs. */
  inputs?: string;
}

/** Where the components live, as webpack resolves them in the Docusaurus site. */
export const defaultComponentsDir = '@site/src/site/components';

/**
 * Turns every runbook document into the on-call page (overview, step badges with their latest results,
 * severity and rules as admonitions) using the project's parser, and fills a `<RunbookResults />` page
 * with the results store; fails the build with file:line:column on a broken link or a parser error.
 * Register it in `beforeDefaultRemarkPlugins`, before Docusaurus resolves links.
 */
const remarkRunbookChecks: Plugin<[RemarkRunbookChecksOptions], Root> = (options) => {
  const load = options.loadCheck ?? loadCheck;
  return async (tree: Root, file: VFile) => {
    const source = documentSourceOf({ path: file.path ?? `${options.root}/document.md`, value: String(file.value) }, options.root);
    const model = buildDocument(tree, source);
    const checks = await resolveStepChecks([...model.stepOfLink.values()], source.file, options.root, load);
    const problems = [...model.diagnostics, ...checks.diagnostics];
    for (const warning of problems.filter((problem) => problem.severity === 'warning')) console.warn(formatDiagnostic(warning));
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) throw new RunbookBuildError(errors.sort(compareDiagnostics));
    const isResultsPage = tree.children.some(isResultsPlaceholder);
    if (model.scenarios.length === 0 && !isResultsPage) return;

    const results = loadSiteResults(options.root, options.config);
    for (const problem of results.problems) console.warn(`Results store: ${formatStoreProblem(problem)}`);
    const used = new Set<string>();
    if (model.scenarios.length > 0) for (const name of transformRunbookPage(tree, model, checks.checkOf, results)) used.add(name);
    if (isResultsPage) {
      fillResultsPage(tree, (await loadRunbook(defaultLayout(options.root))).runbook, results);
      used.add(resultsComponent);
    }
    const dir = options.componentsDir ?? defaultComponentsDir;
    for (const name of used) tree.children.push(defaultImport(name, `${dir}/${name}`) as unknown as RootContent);
  };
};

export default remarkRunbookChecks;
