import type { Diagnostic } from '../model';
import { createFenceTracker } from './fences';

/**
 * The deepest nesting of lists and block quotes the runbook parser reads. The Markdown parser's time grows with the
 * square of the depth (a 3,000-deep list takes seconds, 10,000 minutes) and the tree's walkers recurse: deeper is refused.
 */
export const maxNestingDepth = 64;

/** One container marker at the start of what remains of a line: a list item's bullet or number, or a block quote's `>`. */
const containerMarker = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?)/;

/** How deep a line nests at least: its indentation (two columns a level, as the narrowest list item) and its markers. */
function nestingOf(line: string): number {
  const indentation = /^[ \t]*/.exec(line)![0];
  const columns = [...indentation].reduce((width, char) => (char === '\t' ? width + 4 - (width % 4) : width + 1), 0);
  let depth = Math.floor(columns / 2);
  let rest = line.slice(indentation.length);
  for (let found = containerMarker.exec(rest); found && found[0].length > 0; found = containerMarker.exec(rest)) {
    depth++;
    rest = rest.slice(found[0].length);
  }
  return depth;
}

/** The first line nested deeper than `maxNestingDepth`, as an error naming its line, or null; fenced code is not read. */
export function findExcessiveNesting(text: string, file: string): Diagnostic | null {
  const fences = createFenceTracker();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (fences.inFence(line) || line.trim() === '') continue;
    const depth = nestingOf(line);
    if (depth > maxNestingDepth) {
      return {
        severity: 'error',
        rule: 'nesting-too-deep',
        message: `this line nests lists or block quotes at least ${depth} levels deep; the runbook parser reads at most ${maxNestingDepth}: flatten it`,
        position: { file, line: index + 1, column: 1 },
      };
    }
  }
  return null;
}
