import type { Document, LineCounter } from 'yaml';

/** The 1-based line and column where the YAML node at `path` starts, or its nearest existing parent's; null for none. */
export function yamlPlace(document: Document, path: readonly PropertyKey[], lineCounter: LineCounter): { line: number; col: number } | null {
  for (let length = path.length; length > 0; length--) {
    const found = document.getIn(path.slice(0, length).map((key) => (typeof key === 'number' ? key : String(key))), true) as { range?: [number, number, number] } | undefined;
    if (found?.range) return lineCounter.linePos(found.range[0]);
  }
  return null;
}
