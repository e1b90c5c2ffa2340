import type { S3Bucket, S3Object } from './state';

/** The object stored under a key, or generated there by one of the bucket's key ranges; undefined when there is none. */
export function findObject(bucket: S3Bucket, key: string): S3Object | undefined {
  const stored = bucket.objects.get(key);
  if (stored) return stored;
  for (const range of bucket.ranges ?? []) {
    const index = range.firstIndex((candidate) => candidate < key);
    if (index < range.count && range.keyAt(index) === key) return range.objectAt(index);
  }
  return undefined;
}
