import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentSource } from '../parser';

/** What the remark plugin knows about the file it transforms: its absolute path and the text it parsed. */
export interface ProcessedFile {
  path: string;
  value: string;
}

/**
 * The parser's view of a processed file: its path relative to `root` and the lines to add to tree
 * positions. Docusaurus 3.10 hands remark the whole file, front matter included, so the offset is 0;
 * should a loader strip a prefix (front matter), the offset is the number of lines it removed.
 */
export function documentSourceOf(file: ProcessedFile, root: string): Required<DocumentSource> {
  const relative = path.relative(root, file.path).split(path.sep).join('/');
  return { file: relative, text: file.value, lineOffset: strippedLines(file) };
}

function strippedLines(file: ProcessedFile): number {
  let disk: string;
  try {
    disk = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  if (disk === file.value) return 0;
  const start = file.value.trimStart();
  const at = start ? disk.indexOf(start.slice(0, 200)) : -1;
  if (at <= 0) return 0;
  const skipped = file.value.length - start.length;
  return countLines(disk.slice(0, at)) - countLines(file.value.slice(0, skipped));
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}
