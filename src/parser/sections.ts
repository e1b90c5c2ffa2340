import { createFenceTracker } from './fences';

/** Where a document splits into sections that parse alone exactly as they parse together. */
export interface SectionStart {
  /** Offset of the section's first character in the document. */
  offset: number;
  /** Its line, 1-based. */
  line: number;
}

/** A heading at the margin: it closes every open container, so what follows parses as if the document began there. */
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
/**
 * Constructs that reach across headings: link and footnote definitions (a reference anywhere may use them) and HTML
 * blocks (some run until their end marker, through headings). A document that holds any is parsed whole.
 */
const crossSection = /^ {0,3}(?:\[[^\]\n]*\]:|<)/m;

/** The end of front matter that opens the document (`---` … `---`), or 0; its `#` lines are YAML comments. */
function frontMatterEnd(text: string): number {
  if (!/^---\r?\n/.test(text)) return 0;
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  closing.lastIndex = 3;
  const found = closing.exec(text);
  return found ? found.index + found[0].length : text.length;
}

/**
 * The section starts of a document: its start, then each ATX heading at the margin outside fenced code and front
 * matter. Only its start when it holds cross-section constructs, or a line ending other than LF and CRLF.
 */
export function sectionStarts(text: string): SectionStart[] {
  const starts: SectionStart[] = [{ offset: 0, line: 1 }];
  if (crossSection.test(text) || /\r(?!\n)/.test(text)) return starts;
  const fences = createFenceTracker();
  const skipped = frontMatterEnd(text);
  let line = 1;
  for (let offset = 0; offset < text.length; line++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    if (offset >= skipped) {
      const content = text.slice(offset, end).replace(/\r$/, '');
      if (!fences.inFence(content) && offset > 0 && atxHeading.test(content)) starts.push({ offset, line });
    }
    offset = end + 1;
  }
  return starts;
}
