import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../core/http';
import { xmlDocument, type XmlNode } from '../core/xml';

/** The XML namespace and API version of one query-protocol service (IAM, STS). */
export interface QueryService {
  namespace: string;
  version: string;
}

function document(service: QueryService, status: number, requestId: string, root: string, body: XmlNode): SandboxResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: xmlDocument(root, service.namespace, body) };
}

/** A successful query-protocol response: `<{Action}Response><{Action}Result>…</…><ResponseMetadata>…`. */
export function queryResponse(service: QueryService, action: string, result: XmlNode): SandboxResponse {
  const requestId = randomUUID();
  return document(service, 200, requestId, `${action}Response`, { [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } });
}

/** A query-protocol error in its wire shape (`<ErrorResponse><Error><Type>…<Code>…`), which the SDKs raise as the typed exception. */
export function queryError(service: QueryService, status: number, code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): SandboxResponse {
  const requestId = randomUUID();
  return document(service, status, requestId, 'ErrorResponse', { Error: { Type: type, Code: code, Message: message }, RequestId: requestId });
}
