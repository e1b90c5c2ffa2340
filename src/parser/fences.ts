/** A fence at the margin (up to three spaces): the lines up to its closing fence are code. */
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;

/** Follows fenced code blocks at the margin, line by line. */
export interface FenceTracker {
  /** Reads the next line; true when it belongs to a fence (its opening, content or closing line). */
  inFence(line: string): boolean;
}

/** A tracker of fenced code at the margin, for scans that must not read code as Markdown structure. */
export function createFenceTracker(): FenceTracker {
  let closing: RegExp | null = null;
  return {
    inFence(line) {
      if (closing) {
        if (closing.test(line)) closing = null;
        return true;
      }
      const opening = fenceOpening.exec(line);
      if (!opening) return false;
      const marker = opening[1]!;
      closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      return true;
    },
  };
}
