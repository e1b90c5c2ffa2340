import { jsonResponse } from '../core/http';
import type { ServiceReply } from '../core/service';
import { errorJson, type ApiVersion } from './wire';

/** A JSON answer and the call it logs. */
export function reply(status: number, body: unknown, operation: string, mutates = false): ServiceReply {
  return { response: jsonResponse(status, body), call: { operation, mutates } };
}

/** An error answer: RFC 7807 as `application/problem+json` on v1 (as Airflow 2 sends it), `{ detail }` on v2. */
export function failure(status: number, title: string, detail: string, version: ApiVersion, operation: string): ServiceReply {
  return {
    response: jsonResponse(status, errorJson(status, title, detail, version), version === 'v1' ? 'application/problem+json' : 'application/json'),
    call: { operation, mutates: false },
  };
}

/** A 404 in the version's error shape. */
export function notFound(version: ApiVersion, detail: string, operation: string): ServiceReply {
  return failure(404, 'Not Found', detail, version, operation);
}

/** Airflow 3's request validation error (FastAPI's 422 `{ detail: [{ type, loc, msg, input }] }`). */
export function validationError(issues: Array<{ type: string; loc: Array<string | number>; msg: string; input: unknown }>, operation: string): ServiceReply {
  return reply(422, { detail: issues }, operation);
}
