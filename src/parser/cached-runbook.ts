import { createHash } from 'node:crypto';
import path from 'node:path';
import { cacheFileFor, readKeyedCache, writeKeyedCache } from '../util/keyed-cache-file';
import type { ParsedRunbook, RunbookDocument } from './index';
import { parserFingerprint } from './parser-fingerprint';
import { listCheckModules, readRunbookDocuments, type ProjectLayout } from './read-documents';

/** Bumped when the stored shape changes, so files written by an older shape are never read as this one. */
const cacheFormat = 2;

/** A hash naming everything the parse reads: the documents' names and texts, the check module paths, the parser's code. */
function modelKey(documents: readonly RunbookDocument[], checkModules: readonly string[]): string {
  const hash = createHash('sha256').update(`format ${cacheFormat}\0parser ${parserFingerprint()}\0`);
  for (const doc of documents) hash.update(`doc ${doc.file}\0${doc.text}\0`);
  return hash.update(`checks ${JSON.stringify(checkModules)}\0`).digest('hex');
}

/** The cache file of one project root's model: one file a root, named by the root's hash, so an edit replaces it. */
export function runbookCacheFileOf(root: string): string {
  return cacheFileFor('runbook-model', path.resolve(root));
}

/** The stored model when the file holds a sound one for this key; anything else is a miss. */
function readStored(file: string, key: string): ParsedRunbook | null {
  const parsed = readKeyedCache(file, key) as Partial<ParsedRunbook> | undefined;
  const sound = Array.isArray(parsed?.diagnostics) && Array.isArray(parsed?.runbook?.files) && Array.isArray(parsed?.runbook?.scenarios);
  return sound ? (parsed as ParsedRunbook) : null;
}

/**
 * `loadRunbook` for the CLI: the parsed model of the docs as it was stored by an earlier run when nothing it was
 * built from has changed (documents, check module paths, config, the parser's code), else parsed now and stored.
 * The Markdown parser is loaded only on a miss. CLI only: the lazy `require` of a TypeScript module needs the
 * CLI's compile hook, which the test runner does not install.
 */
export async function loadRunbookCached(layout: ProjectLayout): Promise<ParsedRunbook> {
  const [documents, checkModules] = await Promise.all([readRunbookDocuments(layout), listCheckModules(layout)]);
  const key = modelKey(documents, checkModules);
  const file = runbookCacheFileOf(layout.root);
  const stored = readStored(file, key);
  if (stored) return stored;
  const { parseRunbook } = require('./index') as typeof import('./index');
  const parsed = parseRunbook(documents, checkModules);
  writeKeyedCache(file, key, parsed);
  return parsed;
}
