import { describe, expect, it } from 'vitest';
import { listObjects } from './operations/list-objects';
import { loadS3State } from './state';

const newest = '2026-12-01T09:00:00.000Z';
const state = loadS3State({
  buckets: {
    b: {
      objects: {
        'reviews/day=2026-11-30/~extra.json': { lastModified: '2026-11-30T12:00:00.000Z', size: 3 },
        'reviews/zzz.json': { lastModified: '2026-11-30T12:00:00.000Z', size: 3 },
      },
      // 10 million objects: 1,000 daily partitions of 10,000 files, the newest on 2026-12-01.
      ranges: [{ prefix: 'reviews/', partition: 'day=YYYY-MM-DD/', newest, partitions: 1_000, objectsPerPartition: 10_000 }],
    },
  },
});
const bucket = state.buckets.get('b')!;
const list = (query: Record<string, string>) => String(listObjects(bucket, new URLSearchParams({ 'list-type': '2', ...query })).response.body);
const keysOf = (xml: string) => [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe('a generated key range of 10 million objects in a sandbox bucket', () => {
  it('lists from the start in key order: the oldest partition first', () => {
    const xml = list({ prefix: 'reviews/', 'max-keys': '3' });
    expect(keysOf(xml)).toEqual(['reviews/day=2024-03-07/part-0000.parquet', 'reviews/day=2024-03-07/part-0001.parquet', 'reviews/day=2024-03-07/part-0002.parquet']);
    expect(tag(xml, 'IsTruncated')).toBe('true');
  });

  it('lists one partition by prefix, merged in key order with the stored objects, with each object written when its partition was', () => {
    const xml = list({ prefix: 'reviews/day=2026-11-30/', 'start-after': 'reviews/day=2026-11-30/part-9997.parquet' });
    expect(keysOf(xml)).toEqual(['reviews/day=2026-11-30/part-9998.parquet', 'reviews/day=2026-11-30/part-9999.parquet', 'reviews/day=2026-11-30/~extra.json']);
    expect(tag(xml, 'IsTruncated')).toBe('false');
    expect(xml).toContain('<LastModified>2026-11-30T09:00:00.000Z</LastModified>');
  });

  it('pages with continuation tokens and groups partitions under a delimiter by seeking, not by walking every key', () => {
    const first = list({ prefix: 'reviews/day=2026-12-01/' });
    expect(keysOf(first)).toHaveLength(1_000);
    const second = list({ prefix: 'reviews/day=2026-12-01/', 'continuation-token': tag(first, 'NextContinuationToken')! });
    expect(keysOf(second)[0]).toBe('reviews/day=2026-12-01/part-1000.parquet');
    // A walk of the 10 million keys under the common prefixes would take minutes: this seeks past each partition.
    const partitions = list({ prefix: 'reviews/', delimiter: '/' });
    expect([...partitions.matchAll(/<Prefix>(reviews\/day=[^<]*)<\/Prefix>/g)]).toHaveLength(1_000);
    expect(tag(partitions, 'IsTruncated')).toBe('true');
    const rest = list({ prefix: 'reviews/', delimiter: '/', 'continuation-token': tag(partitions, 'NextContinuationToken')! });
    expect(keysOf(rest)).toEqual(['reviews/zzz.json']);
    expect(rest).not.toContain('<CommonPrefixes>');
  });
});
