import type { KeyRange } from './key-range';
import { sortedKeys, type S3Bucket, type S3Object } from './state';

/** A bucket's keys in S3's listing order from a starting point: its stored objects merged with its generated ranges. */
export interface KeyCursor {
  /** The current key, or undefined past the last one. */
  key(): string | undefined;
  /** The current key's object. */
  object(): S3Object;
  next(): void;
  /** Moves past every key that starts with `prefix` (a common prefix of a delimited listing), by seeking. */
  skipPrefix(prefix: string): void;
}

/** One sorted source of keys with a position in it. */
interface Source {
  index: number;
  count: number;
  keyAt(index: number): string;
  objectAt(index: number): S3Object;
  firstIndex(before: (key: string) => boolean): number;
}

function storedSource(bucket: S3Bucket): Source {
  const keys = sortedKeys(bucket);
  return {
    index: 0,
    count: keys.length,
    keyAt: (index) => keys[index]!,
    objectAt: (index) => bucket.objects.get(keys[index]!)!,
    firstIndex: (before) => {
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(keys[mid]!)) low = mid + 1;
        else high = mid;
      }
      return low;
    },
  };
}

const rangeSource = (range: KeyRange): Source => ({ index: 0, ...range });

/** A cursor at the first key for which `before` is false (`before` holds for a leading run of keys). */
export function keyCursor(bucket: S3Bucket, before: (key: string) => boolean): KeyCursor {
  const sources = [storedSource(bucket), ...(bucket.ranges ?? []).map(rangeSource)];
  const seek = (test: (key: string) => boolean) => {
    for (const source of sources) source.index = Math.max(source.index, source.firstIndex(test));
  };
  seek(before);
  const current = (): Source | undefined => {
    let best: Source | undefined;
    for (const source of sources) {
      if (source.index >= source.count) continue;
      if (!best || source.keyAt(source.index) < best.keyAt(best.index)) best = source;
    }
    return best;
  };
  return {
    key: () => {
      const source = current();
      return source ? source.keyAt(source.index) : undefined;
    },
    object: () => {
      const source = current()!;
      return source.objectAt(source.index);
    },
    next: () => {
      const source = current();
      if (source) source.index++;
    },
    skipPrefix: (prefix) => seek((key) => key < prefix || key.startsWith(prefix)),
  };
}
