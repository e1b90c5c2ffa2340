import type { Octokit } from '@octokit/rest';
import { beginCall, encodeTrace, traceHeader } from './call-trace';
import { guardGithubResponses, wholeBodyFetch } from './github-responses';
import type { ServiceBreaker } from './breaker/service-breaker';
import type { RetryPolicy } from './retry/policy';
import { resolveGithubToken } from './github-token';
import { MutationBlockedError } from './read-only';
import { observeCall, type ServiceCallListener } from './service-calls';
import type { GithubTarget } from './targets';
import type { Fetch } from './http-connections';

/** The GitHub REST client the checks use. */
export type GithubClient = Octokit;

/** GitHub's public API, used when the target names no other. */
export const githubDotComApi = 'https://api.github.com';

/** True for request methods that only read. */
export function isReadMethod(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * Creates an Octokit for a target: its base URL, a token (the sandbox's, or GITHUB_TOKEN / GH_TOKEN /
 * `gh auth token`), a timeout per request; a `readOnly` client refuses every non-GET before sending.
 */
export async function createGithubClient(target: GithubTarget, options: { readOnly: boolean; onCall?: ServiceCallListener; retry?: RetryPolicy; breaker?: ServiceBreaker; fetch?: Fetch }): Promise<GithubClient> {
  const resolved = target.sandboxToken ? { token: target.sandboxToken, source: 'sandbox' as const } : await resolveGithubToken();
  const token = resolved.token;
  const { Octokit: OctokitClass } = require('@octokit/rest') as typeof import('@octokit/rest'); // loaded on first use
  const octokit = new OctokitClass({
    baseUrl: target.baseUrl ?? githubDotComApi,
    ...(token ? { auth: token } : {}),
    userAgent: 'runbook-as-code',
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    request: { fetch: wholeBodyFetch(options.fetch) },
  });
  // First, so the hooks below wrap it: its retries share the call's trace, timeout and observation.
  guardGithubResponses(octokit, resolved.source, options.retry, options.breaker, target.timeoutMs);
  octokit.hook.wrap('request', async (request, options) => {
    const call = beginCall();
    if (call) options.headers[traceHeader] = encodeTrace(call.trace);
    try {
      return await request(options);
    } finally {
      call?.done();
    }
  });
  const listener = options.onCall;
  if (listener) octokit.hook.wrap('request', (request, route) => observeCall(listener, 'github', `${route.method} ${route.url}`, async () => request(route)));
  octokit.hook.before('request', (request) => {
    if (options.readOnly && !isReadMethod(request.method)) throw new MutationBlockedError(`${request.method} ${request.url}`);
    request.request = { ...request.request, signal: AbortSignal.timeout(target.timeoutMs) };
  });
  return octokit;
}
