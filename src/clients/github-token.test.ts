import { describe, expect, it } from 'vitest';
import { resolveGithubToken } from './github-token';

const neverAsked = async () => {
  throw new Error('gh must not be asked when an environment variable has a token');
};

describe('where the GitHub token comes from', () => {
  it('prefers GITHUB_TOKEN, then GH_TOKEN, without asking gh', async () => {
    expect(await resolveGithubToken({ GITHUB_TOKEN: 'a-token', GH_TOKEN: 'b-token' }, neverAsked)).toEqual({ token: 'a-token', source: 'GITHUB_TOKEN' });
    expect(await resolveGithubToken({ GH_TOKEN: 'b-token' }, neverAsked)).toEqual({ token: 'b-token', source: 'GH_TOKEN' });
  });

  it("falls back to the gh CLI's login, and to no token at all when gh has none", async () => {
    expect(await resolveGithubToken({}, async () => 'from-gh')).toEqual({ token: 'from-gh', source: 'gh auth token' });
    expect(await resolveGithubToken({}, async () => undefined)).toEqual({ token: undefined, source: 'none' });
  });
});
