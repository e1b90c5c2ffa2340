import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { header, type SandboxRequest } from '../../core/http';
import type { ServiceReply } from '../../core/service';
import type { S3Bucket } from '../state';
import { s3Error, s3Xml } from '../xml';
import { removeKeys } from './delete-object';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Object' });
const checksumHeaders = ['content-md5', 'x-amz-checksum-crc32', 'x-amz-checksum-crc32c', 'x-amz-checksum-crc64nvme', 'x-amz-checksum-sha1', 'x-amz-checksum-sha256'];
const malformed = 'The XML you provided was not well-formed or did not validate against our published schema';

type DeleteDocument = { Delete?: { Object?: Array<{ Key?: string; VersionId?: string }>; Quiet?: string } | '' };

/**
 * DeleteObjects (`POST /bucket?delete`, what `aws s3 rm --recursive` sends): up to 1,000 keys in one
 * request, which S3 requires to carry a Content-MD5 or checksum header; answers each key as deleted
 * (missing keys included), or nothing in Quiet mode.
 */
export function deleteObjects(bucket: S3Bucket, request: SandboxRequest): ServiceReply {
  const call = { operation: 'DeleteObjects', mutates: true };
  if (!checksumHeaders.some((name) => header(request, name))) {
    return { response: s3Error(400, 'InvalidRequest', 'Missing required header for this request: Content-MD5 or x-amz-checksum-*'), call };
  }
  const md5 = header(request, 'content-md5');
  if (md5 && md5 !== createHash('md5').update(request.body).digest('base64')) {
    return { response: s3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.'), call };
  }
  let document: DeleteDocument;
  try {
    document = parser.parse(request.body.toString('utf8'), true) as DeleteDocument;
  } catch {
    return { response: s3Error(400, 'MalformedXML', malformed), call };
  }
  const objects = document.Delete ? document.Delete.Object ?? [] : [];
  if (objects.length === 0 || objects.length > 1000 || objects.some((o) => typeof o.Key !== 'string' || o.Key === '')) {
    return { response: s3Error(400, 'MalformedXML', malformed), call };
  }
  const keys = objects.map((o) => o.Key!);
  removeKeys(bucket, keys);
  const quiet = typeof document.Delete === 'object' && document.Delete.Quiet === 'true';
  return { response: s3Xml('DeleteResult', { Deleted: quiet ? [] : keys.map((key) => ({ Key: key })) }), call };
}
