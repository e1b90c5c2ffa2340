import type { ServiceReply } from '../../core/service';
import type { S3Bucket } from '../state';

/** Removes keys from a bucket (no versioning: the objects are gone), keeping its key order fresh. */
export function removeKeys(bucket: S3Bucket, keys: Iterable<string>): void {
  for (const key of keys) bucket.objects.delete(key);
  bucket.sortedKeys = null;
}

/** DeleteObject (`DELETE /bucket/key`): 204 whether or not the key existed, as S3 answers in an unversioned bucket. */
export function deleteObject(bucket: S3Bucket, key: string): ServiceReply {
  removeKeys(bucket, [key]);
  return { response: { status: 204 }, call: { operation: 'DeleteObject', mutates: true } };
}
