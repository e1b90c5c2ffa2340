import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedRunbook, RunbookDocument } from './index';
import { parserFingerprint } from './parser-fingerprint';
import { listCheckModules, readRunbookDocuments, type ProjectLayout } from './read-documents';

/** Where parsed models are kept: beside the compile cache, removed with node_modules. */
const runbookCacheDir = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'runbook-model');

/** Bumped when the stored shape changes, so files written by an older shape are never read as this one. */
const cacheFormat = 1;

/** A hash naming everything the parse reads: the documents' names and texts, the check module paths, the parser's code. */
function modelKey(documents: readonly RunbookDocument[], checkModules: readonly string[]): string {
  const hash = createHash('sha256').update(`format ${cacheFormat}\0parser ${parserFingerprint()}\0`);
  for (const doc of documents) hash.update(`doc ${doc.file}\0${doc.text}\0`);
  return hash.update(`checks ${JSON.stringify(checkModules)}\0`).digest('hex');
}

/** The cache file of one project root's model: one file a root, named by the root's hash, so an edit replaces it. */
export function runbookCacheFileOf(root: string): string {
  return path.join(runbookCacheDir, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 32)}.json`);
}

/** The stored model when the file holds one for this key; anything else (missing, cut short, another key, another shape) is a miss. */
function readStored(file: string, key: string): ParsedRunbook | null {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null || (stored as { key?: unknown }).key !== key) return null;
  const parsed = (stored as { parsed?: Partial<ParsedRunbook> }).parsed;
  const sound = Array.isArray(parsed?.diagnostics) && Array.isArray(parsed?.runbook?.files) && Array.isArray(parsed?.runbook?.scenarios);
  return sound ? (parsed as ParsedRunbook) : null;
}

/**
 * Stores a model: written to a temporary file and renamed over the old one, so a concurrent run reads a whole
 * file or the previous one. The cache only saves time: a write that fails is left, the run goes on.
 */
function store(file: string, key: string, parsed: ParsedRunbook): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ key, parsed }));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
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
  store(file, key, parsed);
  return parsed;
}
