import type { SandboxRequest } from '../core/http';
import type { SandboxService, ServiceReply } from '../core/service';
import type { SandboxStates } from '../states';
import { getBucketLocation, listBuckets } from './operations/buckets';
import { listObjects } from './operations/list-objects';
import { deleteObject } from './operations/delete-object';
import { deleteObjects } from './operations/delete-objects';
import { getNotification, putNotification } from './operations/notification';
import { getObject, headObject, putObject } from './operations/object';
import { loadS3State, type S3State } from './state';
import { noSuchBucket, s3Error } from './xml';

/** Splits a request into bucket and key: path style (`/bucket/key`) or virtual host (`bucket.localhost`). */
export function bucketAndKey(request: SandboxRequest): { bucket: string; key: string } {
  const host = request.headers.host ?? '';
  const virtual = /^([a-z0-9][a-z0-9.-]*)\.localhost(:\d+)?$/.exec(host);
  const path = request.url.pathname;
  if (virtual) return { bucket: virtual[1]!, key: decodeURIComponent(path.slice(1)) };
  const [, bucket = '', ...rest] = path.split('/');
  return { bucket: decodeURIComponent(bucket), key: rest.map(decodeURIComponent).join('/') };
}

function unsupported(operation: string): ServiceReply {
  return { response: s3Error(501, 'NotImplemented', `The sandbox does not implement ${operation}`), call: { operation, mutates: false } };
}

/** The simulated S3, REST-XML: buckets, objects with ranges, puts and deletes, listing, notification configuration. */
export const s3Service: SandboxService<S3State, SandboxStates> = {
  load: (section) => loadS3State(section),
  async handle(request, env) {
    const state = env.states.s3;
    const { bucket: bucketName, key } = bucketAndKey(request);
    const query = request.url.searchParams;
    const method = request.method;
    if (!bucketName) return method === 'GET' ? listBuckets(state) : unsupported(`${method} /`);
    const bucket = state.buckets.get(bucketName);
    if (!bucket) {
      const verb = method.charAt(0) + method.slice(1).toLowerCase();
      const operation = key ? `${verb}Object` : `${verb}Bucket`;
      return { response: method === 'HEAD' ? { status: 404 } : noSuchBucket(bucketName), call: { operation, mutates: false } };
    }
    if (!key) {
      if (query.has('notification')) {
        if (method === 'GET') return getNotification(bucket);
        if (method === 'PUT') return putNotification(bucket, request);
      }
      if (method === 'GET' && query.has('location')) return getBucketLocation(bucket);
      if (method === 'POST' && query.has('delete')) return deleteObjects(bucket, request);
      if (method === 'HEAD') return { response: { status: 200, headers: { 'x-amz-bucket-region': bucket.region } }, call: { operation: 'HeadBucket', mutates: false } };
      const subresource = [...query.keys()].find((name) => !['list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'marker', 'fetch-owner', 'x-id'].includes(name));
      if (method === 'GET' && !subresource) return listObjects(bucket, query);
      return unsupported(`${method} ?${subresource ?? ''}`);
    }
    if (method === 'GET' && ![...query.keys()].some((k) => k !== 'x-id' && !k.startsWith('response-'))) return getObject(bucket, key, request);
    if (method === 'HEAD') return headObject(bucket, key);
    const plain = query.size === (query.has('x-id') ? 1 : 0);
    if (method === 'PUT' && plain) return putObject(bucket, key, request, env.clock.now());
    if (method === 'DELETE' && plain) return deleteObject(bucket, key);
    return unsupported(`${method} object ?${[...query.keys()].join('&')}`);
  },
};
