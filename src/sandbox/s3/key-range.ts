import { createHash } from 'node:crypto';
import { z } from 'zod';
import { partitionPatternSchema } from '../../util/partition-pattern-schema';
import { parseDatePartitionPattern, partitionBefore, partitionStart } from '../../util/date-partition';
import type { S3Object } from './state';

/**
 * A generated range of keys in a world's bucket: `partitions` date partitions under `prefix`, the newest
 * at `newest`, each holding `objectsPerPartition` files. Millions of objects cost no memory: a key is
 * computed from its place in key order, and listing and reads find it by binary search.
 */
export const keyRangeSchema = z.strictObject({
  prefix: z.string(),
  /** The partition layout, e.g. `year=YYYY/month=MM/day=DD/` (big-endian, so key order is time order). */
  partition: partitionPatternSchema,
  /** When the newest partition's files were written; each older partition one partition unit earlier. */
  newest: z.iso.datetime(),
  partitions: z.number().int().positive(),
  objectsPerPartition: z.number().int().positive(),
  /** A file's name in its partition; `{j}` is its zero-padded number. */
  file: z.string().includes('{j}').default('part-{j}.parquet'),
  /** Each object's text (`{j}` is its number); without it, `size` bytes of filler. */
  body: z.string().optional(),
  size: z.number().int().nonnegative().default(1024),
}).refine((range) => range.partitions * range.objectsPerPartition <= 100_000_000, 'at most 100,000,000 objects in one range');

/** A key range as a world file writes it. */
export type KeyRangeSpec = z.input<typeof keyRangeSchema>;

/** A generated key range: its size, and each key and object by its place in key order. */
export interface KeyRange {
  count: number;
  keyAt(index: number): string;
  objectAt(index: number): S3Object;
  /** The place of the first key for which `before` is false; `before` must hold for a leading run of keys. */
  firstIndex(before: (key: string) => boolean): number;
}

/** Builds a key range from its (validated) description. */
export function keyRange(spec: z.output<typeof keyRangeSchema>): KeyRange {
  const pattern = parseDatePartitionPattern(spec.partition);
  const newest = new Date(spec.newest);
  const oldestStart = partitionBefore(partitionStart(newest, pattern.unit), pattern.unit, spec.partitions - 1);
  const width = String(spec.objectsPerPartition - 1).length;
  const count = spec.partitions * spec.objectsPerPartition;
  const place = (index: number) => ({ partition: Math.floor(index / spec.objectsPerPartition), file: index % spec.objectsPerPartition });
  const keyAt = (index: number) => {
    const { partition, file } = place(index);
    return spec.prefix + pattern.format(partitionBefore(oldestStart, pattern.unit, -partition)) + spec.file.replace('{j}', String(file).padStart(width, '0'));
  };
  return {
    count,
    keyAt,
    objectAt: (index) => {
      const key = keyAt(index);
      const lastModified = partitionBefore(newest, pattern.unit, spec.partitions - 1 - place(index).partition);
      const etag = createHash('md5').update(key).digest('hex');
      const body = spec.body === undefined ? null : Buffer.from(spec.body.replaceAll('{j}', String(place(index).file)));
      return { key, size: body?.length ?? spec.size, lastModified, etag, contentType: 'application/octet-stream', read: () => body ?? Buffer.alloc(spec.size, 0x20) };
    },
    firstIndex: (before) => {
      let low = 0;
      let high = count;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (before(keyAt(mid))) low = mid + 1;
        else high = mid;
      }
      return low;
    },
  };
}
