import { stripAnsi } from '../strip-ansi';

/** The lines of a job log worth showing: the errors, with a little context, bounded. */
export interface LogExcerpt {
  /** Error lines found, without timestamps, at most `maxLines`. */
  errorLines: string[];
  /** The excerpt: error lines with context, without timestamps, at most `maxLines`. */
  lines: string[];
  totalLines: number;
  truncated: boolean;
}

const timestampPrefix = /^\uFEFF?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;
const errorLine = /##\[error\]|(^|[│|\s])Error:|\bError acquiring the state lock\b|\bAccessDenied\b|\bis not authorized to perform\b|\bUnauthorizedOperation\b/;

/** A log line as a reader sees it: without GitHub's timestamp prefix, terminal colours (Terraform colours by default) or a trailing carriage return. */
export function readableLine(line: string): string {
  return stripAnsi(line.replace(/\r$/, '').replace(timestampPrefix, ''));
}

/** True for a line that reports an error (GitHub's `##[error]`, Terraform's `Error:`, AWS access denials); give it a stripped line. */
export function isErrorLine(line: string): boolean {
  return errorLine.test(line);
}

/** The most lines of one Terraform diagnostic box quoted after its `Error:` line. */
const maxBoxLines = 24;

/** Where the Terraform diagnostic box (`│ Error: …` down to `╵`) that starts at `index` ends, or null outside a box. */
function boxEnd(lines: readonly string[], index: number): number | null {
  if (!lines[index]!.startsWith('│')) return null;
  let end = index;
  while (end + 1 < lines.length && end - index < maxBoxLines && lines[end + 1]!.startsWith('│')) end++;
  return end;
}

/**
 * Picks the error lines of a log with the detail below each (the rest of a Terraform diagnostic box, or
 * `context` lines), at most `maxLines` in all; without error lines, the log's last lines.
 */
export function logExcerpt(log: string, maxLines: number, context = 4): LogExcerpt {
  const all = log.split('\n').map(readableLine);
  while (all.length && all[all.length - 1] === '') all.pop();
  const errorIndexes = all.flatMap((line, index) => (isErrorLine(line) ? [index] : []));
  const errorLines = errorIndexes.map((index) => all[index]!).slice(0, maxLines);
  if (!errorIndexes.length) {
    const tail = all.slice(-maxLines);
    return { errorLines, lines: tail, totalLines: all.length, truncated: all.length > tail.length };
  }
  const picked = new Set<number>();
  for (const index of errorIndexes) {
    const end = boxEnd(all, index) ?? Math.min(all.length - 1, index + context);
    for (let i = index; i <= end; i++) picked.add(i);
  }
  const ordered = [...picked].sort((a, b) => a - b);
  const lines = ordered.slice(0, maxLines).map((index) => all[index]!);
  return { errorLines, lines, totalLines: all.length, truncated: ordered.length > maxLines };
}
