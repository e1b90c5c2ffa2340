import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../core/http';
import { escapeXml, xmlDocument, type XmlNode } from '../core/xml';

/** The namespace of IAM's query-protocol responses. */
export const iamNamespace = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** A successful IAM response: `<{Action}Response><{Action}Result>…</…><ResponseMetadata>…`. */
export function iamResponse(action: string, result: XmlNode): SandboxResponse {
  const requestId = randomUUID();
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: xmlDocument(`${action}Response`, iamNamespace, { [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } }),
  };
}

/** An IAM error in the query protocol's wire shape, which the SDK raises as the typed exception. */
export function iamError(status: number, code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): SandboxResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${iamNamespace}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
