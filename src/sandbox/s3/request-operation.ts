import type { IamPermission } from '../authorization/permission';
import { s3Arn } from '../authorization/arns';
import type { SandboxRequest } from '../core/http';
import type { ServiceEnv, ServiceReply } from '../core/service';
import type { SandboxStates } from '../states';
import { getBucketLocation, listBuckets } from './operations/buckets';
import { listObjects } from './operations/list-objects';
import { deleteObject } from './operations/delete-object';
import { deleteObjects } from './operations/delete-objects';
import { getNotification, putNotification } from './operations/notification';
import { getObject, headObject, putObject } from './operations/object';
import type { S3Bucket } from './state';
import { noSuchBucket, s3Error } from './xml';

/** One S3 request understood: the operation it is, what IAM authorizes it as, and how to answer it. */
export interface S3RequestOperation {
  name: string;
  /** Undefined for a request the sandbox does not serve (it answers NotImplemented, and enforcement denies it as unmapped). */
  permission?: IamPermission | readonly IamPermission[];
  run(): ServiceReply;
}

/** Splits a request into bucket and key: path style (`/bucket/key`) or virtual host (`bucket.localhost`). */
export function bucketAndKey(request: SandboxRequest): { bucket: string; key: string } {
  const host = request.headers.host ?? '';
  const virtual = /^([a-z0-9][a-z0-9.-]*)\.localhost(:\d+)?$/.exec(host);
  const path = request.url.pathname;
  if (virtual) return { bucket: virtual[1]!, key: decodeURIComponent(path.slice(1)) };
  const [, bucket = '', ...rest] = path.split('/');
  return { bucket: decodeURIComponent(bucket), key: rest.map(decodeURIComponent).join('/') };
}

const listingParameters = ['list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'marker', 'fetch-owner', 'x-id'];

function unsupported(name: string): S3RequestOperation {
  return { name, run: () => ({ response: s3Error(501, 'NotImplemented', `The sandbox does not implement ${name}`), call: { operation: name, mutates: false } }) };
}

const xmlEntities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The keys a DeleteObjects body names: S3 authorizes s3:DeleteObject on each of them. */
function keysToDelete(request: SandboxRequest): string[] {
  return [...request.body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((found) => found[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => xmlEntities[entity]!));
}

/**
 * What an S3 REST request is (by method, bucket, key and subresource), with the IAM action and resource it is
 * authorized as: ListObjectsV2 and HeadBucket as s3:ListBucket on the bucket, GetObject and HeadObject as
 * s3:GetObject on the object, the notification calls as s3:GetBucketNotification / s3:PutBucketNotification.
 */
export function s3RequestOperation(request: SandboxRequest, env: ServiceEnv<SandboxStates>): S3RequestOperation {
  const state = env.states.s3;
  const { bucket: bucketName, key } = bucketAndKey(request);
  const query = request.url.searchParams;
  const method = request.method;
  const onBucket = (name: string, permission: IamPermission | readonly IamPermission[], run: (bucket: S3Bucket) => ServiceReply): S3RequestOperation => ({
    name,
    permission,
    run() {
      const bucket = state.buckets.get(bucketName);
      if (bucket) return run(bucket);
      return { response: method === 'HEAD' ? { status: 404 } : noSuchBucket(bucketName), call: { operation: name, mutates: false } };
    },
  });
  const bucketArn = s3Arn(bucketName);
  const objectArn = s3Arn(bucketName, key);
  if (!bucketName) return method === 'GET' ? { name: 'ListBuckets', permission: { action: 's3:ListAllMyBuckets', resource: '*' }, run: () => listBuckets(state) } : unsupported(`${method} /`);
  if (!key) {
    if (query.has('notification')) {
      if (method === 'GET') return onBucket('GetBucketNotificationConfiguration', { action: 's3:GetBucketNotification', resource: bucketArn }, getNotification);
      if (method === 'PUT') return onBucket('PutBucketNotificationConfiguration', { action: 's3:PutBucketNotification', resource: bucketArn }, (bucket) => putNotification(bucket, request));
    }
    if (method === 'GET' && query.has('location')) return onBucket('GetBucketLocation', { action: 's3:GetBucketLocation', resource: bucketArn }, getBucketLocation);
    if (method === 'POST' && query.has('delete')) {
      return onBucket('DeleteObjects', keysToDelete(request).map((deleted) => ({ action: 's3:DeleteObject', resource: s3Arn(bucketName, deleted) })), (bucket) => deleteObjects(bucket, request));
    }
    if (method === 'HEAD') return onBucket('HeadBucket', { action: 's3:ListBucket', resource: bucketArn }, (bucket) => ({ response: { status: 200, headers: { 'x-amz-bucket-region': bucket.region } }, call: { operation: 'HeadBucket', mutates: false } }));
    const subresource = [...query.keys()].find((name) => !listingParameters.includes(name));
    if (method === 'GET' && !subresource) return onBucket(query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects', { action: 's3:ListBucket', resource: bucketArn }, (bucket) => listObjects(bucket, query));
    return unsupported(`${method} ?${subresource ?? ''}`);
  }
  if (method === 'GET' && ![...query.keys()].some((k) => k !== 'x-id' && !k.startsWith('response-'))) return onBucket('GetObject', { action: 's3:GetObject', resource: objectArn }, (bucket) => getObject(bucket, key, request));
  if (method === 'HEAD') return onBucket('HeadObject', { action: 's3:GetObject', resource: objectArn }, (bucket) => headObject(bucket, key));
  const plain = query.size === (query.has('x-id') ? 1 : 0);
  if (method === 'PUT' && plain) return onBucket('PutObject', { action: 's3:PutObject', resource: objectArn }, (bucket) => putObject(bucket, key, request, env.clock.now()));
  if (method === 'DELETE' && plain) return onBucket('DeleteObject', { action: 's3:DeleteObject', resource: objectArn }, (bucket) => deleteObject(bucket, key));
  return unsupported(`${method} object ?${[...query.keys()].join('&')}`);
}
