import { execFile } from 'node:child_process';

/** Where a GitHub token came from; the token itself is never reported. */
export type GithubTokenSource = 'GITHUB_TOKEN' | 'GH_TOKEN' | 'gh auth token' | 'none';

/** A resolved GitHub token and its source. */
export interface GithubToken {
  token: string | undefined;
  source: GithubTokenSource;
}

/** Asks the gh CLI for its login's token; undefined when gh is not installed, not logged in, or slow. */
function ghAuthToken(timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('gh', ['auth', 'token'], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      const token = String(stdout ?? '').trim();
      resolve(error || !token ? undefined : token);
    });
  });
}

/**
 * The token for GitHub's API: GITHUB_TOKEN, then GH_TOKEN, then the gh CLI's login. Never read from
 * the configuration file, never printed.
 */
export async function resolveGithubToken(env: NodeJS.ProcessEnv = process.env, askGh: (timeoutMs: number) => Promise<string | undefined> = ghAuthToken): Promise<GithubToken> {
  if (env.GITHUB_TOKEN) return { token: env.GITHUB_TOKEN, source: 'GITHUB_TOKEN' };
  if (env.GH_TOKEN) return { token: env.GH_TOKEN, source: 'GH_TOKEN' };
  const fromGh = await askGh(5_000);
  return fromGh ? { token: fromGh, source: 'gh auth token' } : { token: undefined, source: 'none' };
}
