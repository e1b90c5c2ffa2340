import { compareDiagnostics, type Diagnostic, type Runbook } from '../model';
import { buildDocument } from './build-document';
import { parseMarkdown } from './markdown';
import { findExcessiveNesting } from './nesting-depth';
import { findCheckLinkProblems, findDuplicateIds } from './validate';

export { buildDocument, type DocumentModel, type DocumentSource } from './build-document';
export { isCheckHref, resolveCheckHref, checkIdOf } from './check-link';
export { parseMarkdown } from './markdown';

/** A runbook document to parse: its path relative to the project root and its text. */
export interface RunbookDocument {
  file: string;
  text: string;
}

/** The parsed runbook and every diagnostic found, collected all at once. */
export interface ParsedRunbook {
  runbook: Runbook;
  diagnostics: Diagnostic[];
}

/**
 * Parses the runbook's documents into the scenario model. `checkModules` lists the check module
 * paths that exist (`checks/s3/s3-event-notifications.ts`), so broken and unused links are reported.
 */
export function parseRunbook(documents: readonly RunbookDocument[], checkModules: readonly string[]): ParsedRunbook {
  const diagnostics: Diagnostic[] = [];
  const runbook: Runbook = { files: documents.map((doc) => doc.file), scenarios: [] };
  for (const doc of documents) {
    const tooDeep = findExcessiveNesting(doc.text, doc.file);
    if (tooDeep) {
      diagnostics.push(tooDeep); // parsing it would take minutes: the document is refused, at the line that nests too deep
      continue;
    }
    const model = buildDocument(parseMarkdown(doc.text), { file: doc.file, text: doc.text });
    runbook.scenarios.push(...model.scenarios);
    diagnostics.push(...model.diagnostics);
  }
  diagnostics.push(...findDuplicateIds(runbook), ...findCheckLinkProblems(runbook, checkModules));
  return { runbook, diagnostics: diagnostics.sort(compareDiagnostics) };
}
