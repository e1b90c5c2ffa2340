/** A line that is not a JSON object, with its 1-based line number and why. */
export interface CorruptLine {
  line: number;
  reason: string;
  /** The start of the line, at most 120 characters. */
  excerpt: string;
}

/** A parsed record and the line it came from. */
export interface ParsedRecord {
  line: number;
  record: Record<string, unknown>;
}

/** What a block of JSON lines holds. */
export interface JsonLinesScan {
  /** Complete, non-empty lines examined. */
  lines: number;
  records: ParsedRecord[];
  corrupt: CorruptLine[];
  /** True when the text ended mid-line (a ranged read) and that last line was left out. */
  partialLastLine: boolean;
}

const excerptOf = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}...` : text);

/**
 * Parses newline-delimited JSON. Blank lines are ignored; a line that does not parse, or parses to
 * something other than an object, is corrupt. When `cutShort` (the text is a prefix of the object), the
 * unterminated last line is left out rather than reported.
 */
export function scanJsonLines(text: string, cutShort: boolean): JsonLinesScan {
  const rows = text.replace(/^\uFEFF/, '').split('\n');
  const partialLastLine = cutShort && !text.endsWith('\n');
  if (partialLastLine || text.endsWith('\n')) rows.pop();
  const records: ParsedRecord[] = [];
  const corrupt: CorruptLine[] = [];
  let lines = 0;
  rows.forEach((raw, index) => {
    const row = raw.replace(/\r$/, '');
    if (!row.trim()) return;
    lines++;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (error) {
      corrupt.push({ line, reason: (error as Error).message, excerpt: excerptOf(row) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      corrupt.push({ line, reason: `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, expected an object`, excerpt: excerptOf(row) });
      return;
    }
    records.push({ line, record: value as Record<string, unknown> });
  });
  return { lines, records, corrupt, partialLastLine };
}
