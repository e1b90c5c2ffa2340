import type { SandboxResponse } from '../core/http';
import type { XmlNode } from '../core/xml';
import type { QueryProtocol } from '../aws-query/operations';
import { queryError, queryResponse } from '../aws-query/xml';

/** IAM's query protocol: its namespace, API version, and the error of a Marker it did not issue. */
export const iamProtocol: QueryProtocol = { namespace: 'https://iam.amazonaws.com/doc/2010-05-08/', version: '2010-05-08', invalidMarkerCode: 'InvalidInput' };

/** A successful IAM response: `<{Action}Response><{Action}Result>…</…><ResponseMetadata>…`. */
export function iamResponse(action: string, result: XmlNode): SandboxResponse {
  return queryResponse(iamProtocol, action, result);
}

/** An IAM error in the query protocol's wire shape, which the SDK raises as the typed exception. */
export function iamError(status: number, code: string, message: string): SandboxResponse {
  return queryError(iamProtocol, status, code, message);
}

/** The NoSuchEntity error IAM answers for a role name it does not know. */
export function noSuchRole(name: string): SandboxResponse {
  return iamError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
}

/** The NoSuchEntity error IAM answers for a managed policy it does not know. */
export function noSuchPolicy(arn: string): SandboxResponse {
  return iamError(404, 'NoSuchEntity', `Policy ${arn} was not found.`);
}
