import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../core/http';
import { toXml, xmlDocument, type XmlNode } from '../core/xml';

/** The namespace of S3's REST-XML documents. */
export const s3Namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** An S3 XML document response. */
export function s3Xml(root: string, body: XmlNode | string, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': randomUUID(), ...headers }, body: xmlDocument(root, s3Namespace, body) };
}

/** An S3 error in its wire shape (`<Error><Code>NoSuchBucket</Code>…`), which the SDKs raise as typed exceptions. */
export function s3Error(status: number, code: string, message: string, extra: Record<string, string> = {}): SandboxResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${toXml({ Code: code, Message: message, ...extra, RequestId: requestId })}</Error>`,
  };
}

/** The NoSuchBucket error. */
export function noSuchBucket(bucket: string): SandboxResponse {
  return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
}
