import type { ServiceReply } from '../../core/service';
import type { S3Bucket, S3State } from '../state';
import { s3Xml } from '../xml';

/** ListBuckets (`GET /`). */
export function listBuckets(state: S3State): ServiceReply {
  const buckets = [...state.buckets.keys()].sort().map((name) => ({ Name: name, CreationDate: '2024-01-01T00:00:00.000Z' }));
  return {
    response: s3Xml('ListAllMyBucketsResult', { Owner: { ID: 'sandbox', DisplayName: 'sandbox' }, Buckets: { Bucket: buckets } }),
    call: { operation: 'ListBuckets', mutates: false },
  };
}

/** GetBucketLocation (`GET /bucket?location`): the bucket's region, empty for us-east-1 as S3 answers. */
export function getBucketLocation(bucket: S3Bucket): ServiceReply {
  return {
    response: s3Xml('LocationConstraint', bucket.region === 'us-east-1' ? '' : bucket.region),
    call: { operation: 'GetBucketLocation', mutates: false },
  };
}
