import './support/no-egress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubPathPrefix, sandboxGithubToken } from '../src/sandbox/github/token';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';

/** The members GitHub's public-user schema requires (as @octokit/openapi-types, generated from its description, types them). */
const publicUserMembers = [
  'login', 'id', 'node_id', 'avatar_url', 'gravatar_id', 'url', 'html_url', 'followers_url', 'following_url', 'gists_url', 'starred_url', 'subscriptions_url',
  'organizations_url', 'repos_url', 'events_url', 'received_events_url', 'type', 'site_admin', 'name', 'company', 'blog', 'location', 'email', 'hireable', 'bio',
  'public_repos', 'public_gists', 'followers', 'following', 'created_at', 'updated_at',
];

describe('the simulated GitHub names the token’s account (GET /user), as an action’s audit record asks', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ world: 'terraform-drift' });
  });
  afterAll(() => sandbox?.stop());
  const get = (token?: string) => fetch(`${sandbox.url}${githubPathPrefix}/user`, { headers: { accept: 'application/vnd.github+json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  it('answers the token’s login with every member of public-user, and logs a read', async () => {
    const response = await get(sandboxGithubToken);
    expect(response.status).toBe(200);
    const user = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(user)).toEqual(expect.arrayContaining(publicUserMembers));
    expect(user).toMatchObject({ login: 'runbook-oncall', type: 'User', site_admin: false });
    expect(sandbox.calls.all().at(-1)).toMatchObject({ service: 'github', operation: 'GetAuthenticated', mutates: false, status: 200 });
  });

  it('refuses a request without the token, or with another, as GitHub does: 401 Bad credentials', async () => {
    for (const response of [await get(), await get('ghp_not-the-sandbox-token')]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
    }
  });
});
