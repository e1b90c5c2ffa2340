import type { SandboxRequest, SandboxResponse } from '../../core/http';
import { header } from '../../core/http';
import type { ServiceReply } from '../../core/service';
import { findObject } from '../find-object';
import { storedObject, type S3Bucket, type S3Object } from '../state';
import { s3Error } from '../xml';

function objectHeaders(object: S3Object): Record<string, string> {
  return {
    'content-type': object.contentType,
    etag: `"${object.etag}"`,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  };
}

/** Parses a single `bytes=` range against a size: [start, end] inclusive, 'invalid' when unsatisfiable, null when absent. */
export function parseRange(range: string | undefined, size: number): [number, number] | 'invalid' | null {
  if (!range) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'invalid';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'invalid';
  return [start, end];
}

function noSuchKey(key: string): SandboxResponse {
  return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
}

/** GetObject, with a single byte range (`Range: bytes=0-1023`, `bytes=-500`) answered 206. */
export function getObject(bucket: S3Bucket, key: string, request: SandboxRequest): ServiceReply {
  const call = { operation: 'GetObject', mutates: false };
  const object = findObject(bucket, key);
  if (!object) return { response: noSuchKey(key), call };
  const range = parseRange(header(request, 'range'), object.size);
  if (range === 'invalid') {
    return { response: s3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: header(request, 'range') ?? '', ActualObjectSize: String(object.size) }), call };
  }
  const body = object.read();
  if (!range) return { response: { status: 200, headers: { ...objectHeaders(object), 'content-length': String(body.length) }, body }, call };
  const [start, end] = range;
  const slice = body.subarray(start, end + 1);
  return {
    response: { status: 206, headers: { ...objectHeaders(object), 'content-range': `bytes ${start}-${end}/${object.size}`, 'content-length': String(slice.length) }, body: slice },
    call,
  };
}

/** HeadObject: the object's headers, no body; a missing key is a bare 404. */
export function headObject(bucket: S3Bucket, key: string): ServiceReply {
  const call = { operation: 'HeadObject', mutates: false };
  const object = findObject(bucket, key);
  if (!object) return { response: { status: 404, headers: { 'content-type': 'application/xml' } }, call };
  return { response: { status: 200, headers: { ...objectHeaders(object), 'content-length': String(object.size) } }, call };
}

/** PutObject: stores the body (drills use it to stage a new file). */
export function putObject(bucket: S3Bucket, key: string, request: SandboxRequest, now: Date): ServiceReply {
  const object = storedObject(key, decodeChunked(request), now, header(request, 'content-type') ?? 'application/octet-stream');
  bucket.objects.set(key, object);
  bucket.sortedKeys = null;
  return { response: { status: 200, headers: { etag: `"${object.etag}"` } }, call: { operation: 'PutObject', mutates: true } };
}

/** The payload of a request, unwrapping aws-chunked encoding (SDKs stream uploads that way). */
function decodeChunked(request: SandboxRequest): Buffer {
  const encoding = header(request, 'content-encoding') ?? '';
  const sha = header(request, 'x-amz-content-sha256') ?? '';
  if (!encoding.includes('aws-chunked') && !sha.startsWith('STREAMING-')) return request.body;
  const parts: Buffer[] = [];
  let offset = 0;
  const body = request.body;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(body.toString('latin1', offset, lineEnd).split(';')[0]!, 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
