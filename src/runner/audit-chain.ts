import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { withFileLock } from '../util/file-lock';
import { appendLine } from '../util/atomic-file';

/** `sha256:<hex>` of one audit line as written (without its line break): what the next record carries as `prevHash`. */
export function hashOfLine(line: string): string {
  return `sha256:${createHash('sha256').update(line, 'utf8').digest('hex')}`;
}

/** The lines of a log's text, each with its number (from 1), blank ones left out. */
function numberedLines(text: string): Array<{ line: number; text: string }> {
  return text.split('\n').flatMap((line, index) => (line.trim() === '' ? [] : [{ line: index + 1, text: line }]));
}

/**
 * Appends a record to a hash-chained JSON-lines log: under a lock (so that two processes cannot both chain to the
 * same last line), reads the last line, and writes the record with `prevHash` set to that line's hash (null for
 * the first line of the log). A last line cut short (no line break) is ended first, so the record starts a line.
 */
export async function appendChained(file: string, toLine: (prevHash: string | null) => string): Promise<void> {
  await withFileLock(`${file}.lock`, async () => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const last = numberedLines(text).at(-1);
    if (text !== '' && !text.endsWith('\n')) await appendFile(file, '\n', 'utf8');
    await appendLine(file, toLine(last ? hashOfLine(last.text) : null));
  });
}

/** Where the chain breaks: the line whose `prevHash` does not match the line before it, and why. */
export interface ChainBreak {
  line: number;
  reason: string;
}

/** What verifying a log found: how many records, how many predate the chain (no `prevHash`), and where it breaks. */
export interface ChainVerdict {
  records: number;
  unchained: number;
  breaks: ChainBreak[];
}

/**
 * Checks a hash-chained log's text: every record with a `prevHash` must carry the hash of the line before it (null
 * for the first line). An edited line breaks the chain at the line after it, a removed or reordered one where the
 * order changed, a line cut from the start at the new first line. Records without `prevHash` before the first
 * chained one are old records (unchained); one after it was inserted or edited. Removing lines from the end leaves
 * a valid chain: that alone cannot be told.
 */
export function verifyChain(text: string): ChainVerdict {
  const verdict: ChainVerdict = { records: 0, unchained: 0, breaks: [] };
  let previous: { line: number; text: string } | null = null;
  let chainBegan = false;
  for (const current of numberedLines(text)) {
    const problem = (reason: string) => verdict.breaks.push({ line: current.line, reason });
    let record: unknown;
    try {
      record = JSON.parse(current.text);
    } catch {
      record = undefined;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      problem('not a record (damaged, or written by hand): the chain cannot pass it');
    } else {
      verdict.records++;
      const prevHash = (record as { prevHash?: unknown }).prevHash;
      if (prevHash === undefined) {
        if (chainBegan) problem('a record without prevHash after the chain began: inserted, or its hash removed');
        else verdict.unchained++;
      } else {
        chainBegan = true;
        const expected = previous ? hashOfLine(previous.text) : null;
        if (prevHash !== expected) {
          problem(previous ? `its prevHash is not the hash of line ${previous.line}: line ${previous.line} was edited, or lines were removed or moved here` : 'it is the first line but carries a prevHash: the lines before it were removed');
        }
      }
    }
    previous = current;
  }
  return verdict;
}
