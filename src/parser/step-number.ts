import type { List, ListItem } from 'mdast';

/**
 * The number written before an ordered list item (`3.` in `3. Check input data format`), read from
 * the source so that repeated numbers are seen; falls back to the list's own counting.
 */
export function writtenNumber(list: List, item: ListItem, index: number, source: string | undefined): number {
  const offset = item.position?.start.offset;
  if (source !== undefined && offset !== undefined) {
    const match = /^\s*(\d{1,9})[.)]/.exec(source.slice(offset, offset + 12));
    if (match) return Number(match[1]);
  }
  return (list.start ?? 1) + index;
}
