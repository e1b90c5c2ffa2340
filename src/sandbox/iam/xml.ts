import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../core/http';
import { xmlDocument, type XmlNode } from '../core/xml';

/** The namespace of IAM's query-protocol responses. */
export const iamNamespace = 'https://iam.amazonaws.com/doc/2010-05-08/';

function iamDocument(status: number, requestId: string, root: string, body: XmlNode): SandboxResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: xmlDocument(root, iamNamespace, body) };
}

/** A successful IAM response: `<{Action}Response><{Action}Result>…</…><ResponseMetadata>…`. */
export function iamResponse(action: string, result: XmlNode): SandboxResponse {
  const requestId = randomUUID();
  return iamDocument(200, requestId, `${action}Response`, { [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } });
}

/** An IAM error in the query protocol's wire shape, which the SDK raises as the typed exception. */
export function iamError(status: number, code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): SandboxResponse {
  const requestId = randomUUID();
  return iamDocument(status, requestId, 'ErrorResponse', { Error: { Type: type, Code: code, Message: message }, RequestId: requestId });
}

/** The NoSuchEntity error IAM answers for a role name it does not know. */
export function noSuchRole(name: string): SandboxResponse {
  return iamError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
}
