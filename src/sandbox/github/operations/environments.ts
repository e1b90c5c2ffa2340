import { nodeId, stableId } from '../ids';
import { githubError, githubJson } from '../responses';
import type { GithubUrls } from '../shapes';
import type { GithubEnvironment, GithubRepository } from '../state';
import { userShape } from '../user-shape';
import type { GithubOperation } from './context';

/** A team as GitHub nests it in a reviewer entry (team-simple's identifying fields). */
function teamShape(repo: GithubRepository, slug: string, urls: GithubUrls) {
  const id = stableId('team', `${repo.owner}/${slug}`);
  return { id, node_id: nodeId('T', id), name: slug, slug, url: `${urls.api}/organizations/${stableId('org', repo.owner)}/team/${id}`, html_url: `${urls.web}/orgs/${repo.owner}/teams/${slug}`, description: null, privacy: 'closed', notification_setting: 'notifications_enabled', permission: 'pull', type: 'organization', organization_id: stableId('org', repo.owner), members_url: `${urls.api}/organizations/${stableId('org', repo.owner)}/team/${id}/members{/member}`, repositories_url: `${urls.api}/organizations/${stableId('org', repo.owner)}/team/${id}/repos`, parent: null };
}

/** An environment as `GET /repos/{owner}/{repo}/environments/{environment_name}` answers: its protection rules, reviewers nested. */
export function environmentShape(repo: GithubRepository, environment: GithubEnvironment, urls: GithubUrls) {
  const id = stableId('environment', `${repo.owner}/${repo.name}/${environment.name}`);
  const rule = (type: string) => stableId('protection-rule', `${id}/${type}`);
  const rules: unknown[] = [];
  if (environment.waitTimer > 0) rules.push({ id: rule('wait_timer'), node_id: nodeId('GA', rule('wait_timer')), type: 'wait_timer', wait_timer: environment.waitTimer });
  if (environment.reviewers.length) {
    rules.push({
      id: rule('required_reviewers'),
      node_id: nodeId('GA', rule('required_reviewers')),
      prevent_self_review: environment.preventSelfReview,
      type: 'required_reviewers',
      reviewers: environment.reviewers.map((r) => ({ type: r.type, reviewer: r.type === 'Team' ? teamShape(repo, r.login, urls) : userShape(r.login, urls, 'User') })),
    });
  }
  const created = environment.createdAt ?? repo.createdAt;
  const name = encodeURIComponent(environment.name);
  return {
    id,
    node_id: nodeId('EN', id),
    name: environment.name,
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/environments/${name}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${name}`,
    created_at: created,
    updated_at: created,
    can_admins_bypass: true,
    protection_rules: rules,
    deployment_branch_policy: null,
  };
}

/** `GET /repos/{owner}/{repo}/environments/{environment_name}`: one deployment environment and its protection rules; 404 when it does not exist. */
export const getEnvironment: GithubOperation = (call) => {
  const environment = call.repo.environments.find((e) => e.name.toLowerCase() === call.params.environment_name!.toLowerCase());
  if (!environment) return { response: githubError(404, 'Not Found'), call: { operation: 'GetEnvironment', mutates: false } };
  return { response: githubJson(200, environmentShape(call.repo, environment, call.urls)), call: { operation: 'GetEnvironment', mutates: false } };
};
