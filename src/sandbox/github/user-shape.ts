import { nodeId, stableId } from './ids';
import type { GithubUrls } from './shapes';

/** A user or organization as GitHub nests it (simple-user): every URL a client may follow. */
export function userShape(login: string, urls: GithubUrls, type: 'User' | 'Organization' | 'Bot' = /\[bot\]$|-bot$/.test(login) ? 'Bot' : 'User') {
  const id = stableId('user', login);
  const api = `${urls.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: `${urls.web}/avatars/${login}.png`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}
