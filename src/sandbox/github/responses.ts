import { jsonResponse, type SandboxResponse } from '../core/http';

/** A GitHub REST error body: `message`, `documentation_url` and `status`, as GitHub sends it. */
export function githubError(status: number, message: string): SandboxResponse {
  return jsonResponse(status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status) }, 'application/json; charset=utf-8');
}

/** A GitHub REST JSON answer with the media type GitHub sends. */
export function githubJson(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  const response = jsonResponse(status, value, 'application/json; charset=utf-8');
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** A redirect to where GitHub keeps a log or an archive (it answers 302 and the client follows). */
export function redirectTo(location: string): SandboxResponse {
  return { status: 302, headers: { location } };
}

/** The storage error behind a log or archive URL that names nothing (GitHub's blob store answers in XML). */
export function blobNotFound(): SandboxResponse {
  return { status: 404, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>BlobNotFound</Code></Error>' };
}
