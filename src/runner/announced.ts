/** A RUNBOOK_SANDBOX_URL that does not answer as a sandbox: names the URL and what to do. */
export class SandboxUnreachableError extends Error {
  override name = 'SandboxUnreachableError';
  constructor(readonly url: string, options?: { cause?: unknown }) {
    super(
      `RUNBOOK_SANDBOX_URL=${url} does not answer as a sandbox (GET /_sandbox/environment: ${(options?.cause as Error | undefined)?.message ?? 'no answer'}): start one with npm run sandbox, or unset RUNBOOK_SANDBOX_URL to use the embedded one`,
      options,
    );
  }
}

/**
 * The settings a running sandbox announces (`GET /_sandbox/environment`: its endpoints, credentials and the
 * world's dbt project), so that a sandbox reached through its URL alone is configured as one started in-process.
 */
export async function announcedSettings(url: string, timeoutMs = 5_000): Promise<Record<string, string>> {
  let response: Response;
  try {
    response = await fetch(`${url.replace(/\/$/, '')}/_sandbox/environment`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    throw new SandboxUnreachableError(url, { cause: (cause as Error).cause ?? cause });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok || !body || typeof body !== 'object' || Array.isArray(body)) throw new SandboxUnreachableError(url, { cause: new Error(`HTTP ${response.status}, not the sandbox's settings`) });
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
