import { parseRunbook, type ParsedRunbook } from './index';
import { listCheckModules, readRunbookDocuments, type ProjectLayout } from './read-documents';

export { defaultLayout, listCheckModules, readRunbookDocuments, type ProjectLayout } from './read-documents';

/** Reads every Markdown document of the docs folder and parses them into the runbook model. */
export async function loadRunbook(layout: ProjectLayout): Promise<ParsedRunbook> {
  return parseRunbook(await readRunbookDocuments(layout), await listCheckModules(layout));
}
