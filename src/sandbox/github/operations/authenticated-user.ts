import { githubJson } from '../responses';
import type { GithubUrls } from '../shapes';
import { userShape } from '../user-shape';
import type { ServiceReply } from '../../core/service';

/** `GET /user`: the account the token belongs to, as GitHub answers a token holder (public-user: simple-user and the profile). */
export function getAuthenticatedUser(login: string, urls: GithubUrls, since: string): ServiceReply {
  return {
    response: githubJson(200, {
      ...userShape(login, urls, 'User'),
      name: null, company: null, blog: '', location: null, email: null, hireable: null, bio: null, twitter_username: null,
      public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: since, updated_at: since,
    }),
    call: { operation: 'GetAuthenticated', mutates: false },
  };
}
