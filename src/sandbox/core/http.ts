import type { IncomingHttpHeaders } from 'node:http';

/** A request as the sandbox's services see it: fully read, with its URL parsed. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a service answers. */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A JSON response with the given status and content type. */
export function jsonResponse(status: number, value: unknown, contentType = 'application/json'): SandboxResponse {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}

/** The first value of a header, or undefined. */
export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
