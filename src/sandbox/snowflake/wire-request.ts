import { header, type SandboxRequest } from '../core/http';

/** The JSON body of a driver request, or an empty object when it is not JSON. */
export function readJson(request: SandboxRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The session token of `Authorization: Snowflake Token="…"`, which the driver sends after login. */
export function sessionToken(request: SandboxRequest): string | undefined {
  return /Snowflake Token="([^"]+)"/.exec(header(request, 'authorization') ?? '')?.[1];
}
