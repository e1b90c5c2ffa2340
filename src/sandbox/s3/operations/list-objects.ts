import type { ServiceReply } from '../../core/service';
import type { XmlNode } from '../../core/xml';
import { keyCursor } from '../key-cursor';
import type { S3Bucket } from '../state';
import { s3Error, s3Xml } from '../xml';

/** True when `marker` is a common prefix of this listing: it ends at the first delimiter after the prefix. */
function isCommonPrefix(marker: string, prefix: string, delimiter: string): boolean {
  if (!delimiter || !marker.startsWith(prefix)) return false;
  const rest = marker.slice(prefix.length);
  return rest.endsWith(delimiter) && rest.indexOf(delimiter) === rest.length - delimiter.length;
}

/** ListObjectsV2 (`?list-type=2`) and ListObjects (v1, `marker`), with prefix, delimiter, paging and URL encoding. */
export function listObjects(bucket: S3Bucket, query: URLSearchParams): ServiceReply {
  const v2 = query.get('list-type') === '2';
  const operation = v2 ? 'ListObjectsV2' : 'ListObjects';
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeysText = query.get('max-keys') ?? '1000';
  const maxKeys = Math.min(1000, Number(maxKeysText));
  if (!/^\d+$/.test(maxKeysText)) {
    return { response: s3Error(400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range'), call: { operation, mutates: false } };
  }
  const urlEncode = query.get('encoding-type') === 'url';
  const encode = (text: string) => (urlEncode ? encodeURIComponent(text).replace(/%2F/g, '/') : text);
  const after = v2 ? (query.get('continuation-token') ? Buffer.from(query.get('continuation-token')!, 'base64').toString() : query.get('start-after') ?? '') : query.get('marker') ?? '';
  const cursor = keyCursor(bucket, (key) => key < prefix || (after !== '' && key <= after));
  // A page that ended on a common prefix resumes after every key under it, not inside it.
  if (isCommonPrefix(after, prefix, delimiter)) cursor.skipPrefix(after);

  const contents: XmlNode[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last = '';
  for (let key = cursor.key(); key !== undefined; key = cursor.key()) {
    if (!key.startsWith(prefix)) break;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    const rest = key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (cut >= 0) {
      const common = prefix + rest.slice(0, cut + delimiter.length);
      prefixes.push(common);
      last = common;
      cursor.skipPrefix(common);
      continue;
    }
    const object = cursor.object();
    cursor.next();
    contents.push({
      Key: encode(key),
      LastModified: object.lastModified.toISOString(),
      ETag: `"${object.etag}"`,
      Size: object.size,
      StorageClass: 'STANDARD',
    });
    last = key;
  }
  const body: XmlNode = {
    Name: bucket.name,
    Prefix: encode(prefix),
    ...(v2 ? {} : { Marker: encode(query.get('marker') ?? '') }),
    ...(v2 && query.get('continuation-token') ? { ContinuationToken: query.get('continuation-token')! } : {}),
    ...(v2 && truncated ? { NextContinuationToken: Buffer.from(last).toString('base64') } : {}),
    ...(!v2 && truncated && delimiter ? { NextMarker: encode(last) } : {}),
    ...(v2 ? { KeyCount: contents.length + prefixes.length } : {}),
    MaxKeys: maxKeys,
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    ...(urlEncode ? { EncodingType: 'url' } : {}),
    IsTruncated: truncated,
    ...(v2 && query.get('start-after') ? { StartAfter: encode(query.get('start-after')!) } : {}),
    Contents: contents,
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
  };
  return { response: s3Xml('ListBucketResult', body), call: { operation, mutates: false } };
}
