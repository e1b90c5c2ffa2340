import { nodeId, stableId } from './ids';
import type { GithubUrls } from './shapes';
import type { GithubRepository } from './state';
import { userShape } from './user-shape';

/** The repository's numeric id, the same in every answer that names it. */
export const repositoryId = (repo: GithubRepository) => stableId('repository', `${repo.owner}/${repo.name}`);

/** The repository's hypermedia URLs, as every repository shape carries them. */
function repositoryUrls(repo: GithubRepository, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  return {
    html_url: `${urls.web}/${full}`, url: api, forks_url: `${api}/forks`, keys_url: `${api}/keys{/key_id}`, collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`, hooks_url: `${api}/hooks`, issue_events_url: `${api}/issues/events{/number}`, events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`, branches_url: `${api}/branches{/branch}`, tags_url: `${api}/tags`, blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`, git_refs_url: `${api}/git/refs{/sha}`, trees_url: `${api}/git/trees{/sha}`, statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`, stargazers_url: `${api}/stargazers`, contributors_url: `${api}/contributors`, subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`, commits_url: `${api}/commits{/sha}`, git_commits_url: `${api}/git/commits{/sha}`, comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`, contents_url: `${api}/contents/{+path}`, compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`, archive_url: `${api}/{archive_format}{/ref}`, downloads_url: `${api}/downloads`, issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`, milestones_url: `${api}/milestones{/number}`, notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`, releases_url: `${api}/releases{/id}`, deployments_url: `${api}/deployments`,
  };
}

/** A repository as a workflow run nests it (minimal-repository). */
export function minimalRepositoryShape(repo: GithubRepository, urls: GithubUrls) {
  const id = repositoryId(repo);
  return {
    id, node_id: nodeId('Repository', id), name: repo.name, full_name: `${repo.owner}/${repo.name}`, private: repo.private,
    owner: userShape(repo.owner, urls, 'Organization'), description: repo.description, fork: false, ...repositoryUrls(repo, urls),
  };
}

/** A repository as `GET /repos/{owner}/{repo}` returns it (full-repository). */
export function fullRepositoryShape(repo: GithubRepository, urls: GithubUrls) {
  const full = `${repo.owner}/${repo.name}`;
  const times = repo.runs.map((run) => run.created_at).sort();
  const pushedAt = times.at(-1) ?? repo.createdAt;
  const host = new URL(urls.web).host;
  return {
    ...minimalRepositoryShape(repo, urls),
    git_url: `git://${host}/${full}.git`, ssh_url: `git@${host}:${full}.git`, clone_url: `${urls.web}/${full}.git`, svn_url: `${urls.web}/${full}`,
    mirror_url: null, homepage: null, language: 'HCL', forks_count: 0, forks: 0, stargazers_count: 0, watchers_count: 0, watchers: 0, size: 1024,
    default_branch: repo.defaultBranch, open_issues_count: 0, open_issues: 0, is_template: false, topics: [], has_issues: true, has_projects: false,
    has_wiki: false, has_pages: false, has_downloads: true, has_discussions: false, archived: false, disabled: false, visibility: repo.private ? 'private' : 'public',
    pushed_at: pushedAt, created_at: repo.createdAt, updated_at: pushedAt, permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    allow_rebase_merge: true, temp_clone_token: null, allow_squash_merge: true, allow_auto_merge: false, delete_branch_on_merge: true, allow_merge_commit: true,
    allow_forking: false, web_commit_signoff_required: false, network_count: 0, subscribers_count: 1, license: null,
    organization: userShape(repo.owner, urls, 'Organization'), custom_properties: {},
  };
}
