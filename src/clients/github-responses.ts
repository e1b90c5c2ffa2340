import type { Octokit } from '@octokit/rest';
import type { GithubTokenSource } from './github-token';
import { markCallSite, ServiceCallError, ServiceCredentialsError, UnexpectedResponseError } from './service-error';
import { throughBreaker, type ServiceBreaker } from './breaker/service-breaker';
import { defaultRetryPolicy, type RetryPolicy } from './retry/policy';
import { parseRetryAfter } from './retry/retry-after';
import { withRetry } from './retry/with-retry';
import { transportFailure } from './transport-failure';
import { describeVariable } from './variable-state';
import type { Fetch } from './http-connections';

/** Where the client's token came from: the sandbox's, or one of the sources resolveGithubToken tries. */
export type GithubTokenOrigin = GithubTokenSource | 'sandbox';

/** What a route answers: JSON, a job log (text), or an archive (a zip). */
type Answer = 'json' | 'log' | 'archive';

const answerOf = (route: string): Answer => (/\/logs$/.test(route) ? 'log' : /\/(zip|\{archive_format\})$/.test(route) ? 'archive' : 'json');

const wanted: Record<Answer, string> = { json: 'JSON', log: 'the job log as text', archive: 'a zip archive' };

/** Refuses an answer that cannot be the route's: a sign-in page, or text where JSON was expected. */
function checkAnswer(operation: string, response: { status: number; headers: Record<string, string | undefined>; data: unknown }): void {
  const type = response.headers['content-type'] ?? '';
  const answer = answerOf(operation.split(' ')[1] ?? '');
  if (/text\/html/i.test(type)) {
    throw new UnexpectedResponseError('GitHub', operation, 'content-type', wanted[answer], type, `the answer is ${type.split(';')[0]} (a sign-in or proxy page?), expected ${wanted[answer]}`, { status: response.status });
  }
  if (answer === 'json' && response.status !== 204 && (typeof response.data !== 'object' || response.data === null || response.data instanceof ArrayBuffer)) {
    const size = typeof response.data === 'string' ? response.data.length : 0;
    const received = size ? `${size} bytes that do not parse` : 'an empty body';
    throw new UnexpectedResponseError('GitHub', operation, size ? 'not-json' : 'empty-body', 'JSON', received, `the answer is not valid JSON (${received}: cut short, or not from GitHub)`, { status: response.status });
  }
}

/** The error for a 401: which token was sent, the sources tried, what to set. */
function credentialsError(operation: string, origin: GithubTokenOrigin, cause: unknown): ServiceCredentialsError {
  const tried = origin === 'sandbox' ? ['the sandbox token'] : [describeVariable(process.env, 'GITHUB_TOKEN'), describeVariable(process.env, 'GH_TOKEN'), "`gh auth token` (the gh CLI's login)"];
  const detail = origin === 'none' ? 'GitHub requires a token and none was found, so the request went without one' : `GitHub refused the token from ${origin} (HTTP 401: expired or revoked?)`;
  const toSet = origin === 'sandbox' ? 'check that RUNBOOK_SANDBOX_URL points at a sandbox; against GitHub, refresh the token: set a new GITHUB_TOKEN or run `gh auth login`' : 'set GITHUB_TOKEN to a token with Actions: read on the repository (Actions: write for the 3.6.5 re-run), or run `gh auth login`';
  return new ServiceCredentialsError('GitHub', operation, tried, detail, toSet, { cause, status: 401 });
}

/**
 * Turns what Octokit throws into words: a refused or missing token, a rate limit, a GitHub-side failure, a
 * connection that failed. Other HTTP errors (404, 410, 422) pass through as Octokit's RequestError, with their
 * call site marked, so checks still read their status.
 */
export function describeGithubFailure(error: unknown, operation: string, origin: GithubTokenOrigin): unknown {
  if (!(error instanceof Error) || error instanceof ServiceCallError || error.name === 'AbortError' || error.name === 'MutationBlockedError') return error;
  const status = (error as { status?: number }).status;
  const response = (error as { response?: { headers?: Record<string, string | undefined> } }).response;
  if (error.name === 'HttpError' && !response) {
    const transport = transportFailure(error);
    return new ServiceCallError('GitHub', operation, 'unreachable', transport?.words ?? `no answer (${error.message})`, { cause: error });
  }
  if (status === 401) return credentialsError(operation, origin, error);
  const headers = response?.headers ?? {};
  if (status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0')) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? `; the limit resets at ${new Date(reset * 1000).toISOString()}` : '';
    const retryAfterMs = parseRetryAfter(headers['retry-after']) ?? (Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined);
    return new ServiceCallError('GitHub', operation, 'throttled', `GitHub rate-limited the token from ${origin} (HTTP ${status})${when}`, {
      cause: error,
      status,
      hint: 'wait, or use a token of its own for the runbook',
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status === 403) {
    return new ServiceCallError('GitHub', operation, 'permission', `the token from ${origin} may not do this (HTTP 403: ${error.message})`, { cause: error, status, hint: 'give it Actions: read on the repository (Actions: write for the 3.6.5 re-run)' });
  }
  if (status !== undefined && status >= 500) {
    return new ServiceCallError('GitHub', operation, 'unavailable', `GitHub answered HTTP ${status}${error.message ? ` (${error.message})` : ''}: a failure on GitHub's side`, { cause: error, status, hint: 'try again; if it persists, see the GitHub status page' });
  }
  return markCallSite(error, { service: 'GitHub', operation });
}

/**
 * Makes every request of the client check its answer and name its failures, as `GitHub GET /repos/{owner}/{repo}/…`,
 * and retries a read that failed transiently (rate limit, 5xx, reset, body cut short) under `retry`. Register it before
 * the client's other request hooks, so that they wrap it: one call, one trace, however many attempts.
 */
export function guardGithubResponses(octokit: Octokit, origin: GithubTokenOrigin, retry: RetryPolicy = defaultRetryPolicy, breaker?: ServiceBreaker, timeoutMs?: number): void {
  octokit.hook.wrap('request', async (request, options) => {
    const operation = `${options.method} ${options.url}`;
    const policy = String(options.method).toUpperCase() === 'GET' ? retry : { ...retry, attempts: 1 };
    return withRetry(policy, () => throughBreaker(breaker, 'GitHub', operation, timeoutMs, async () => {
      let response;
      try {
        response = await request(options);
      } catch (error) {
        throw describeGithubFailure(error, operation, origin);
      }
      checkAnswer(operation, response as never);
      return response;
    }));
  });
}

/**
 * A fetch that reads each answer whole before Octokit sees it: Octokit swallows a body that breaks off (it returns
 * what it has, or nothing), so a cut-short answer must fail here, as a transport failure, to be retried. `through` is the
 * fetch it reads with (the run's own connections).
 */
export function wholeBodyFetch(through: Fetch = fetch): Fetch {
  return async (input, init) => {
    const response = await through(input, init);
    const empty = response.status === 204 || response.status === 304 || init?.method === 'HEAD';
    const body = empty ? null : await response.arrayBuffer();
    const whole = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(whole, 'url', { value: response.url });
    return whole;
  };
}
