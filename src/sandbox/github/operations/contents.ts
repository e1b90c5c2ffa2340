import { createHash } from 'node:crypto';
import { githubError, githubJson } from '../responses';
import type { GithubOperation } from './context';

/** A blob's git SHA-1 (`blob SIZE\0CONTENT`), as GitHub reports a file's `sha`. */
function blobSha(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content])).digest('hex');
}

/** Base64 wrapped at 60 characters a line, as the contents API sends `content`. */
function wrappedBase64(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}

/** `GET /repos/{owner}/{repo}/contents/{path}`: one file of the default branch, base64-encoded; 404 for a path that is no file. */
export const getContent: GithubOperation = (call) => {
  const path = call.params.path!.replace(/^\/+|\/+$/g, '');
  const text = call.repo.files.get(path);
  const ref = call.request.url.searchParams.get('ref');
  if (text === undefined || (ref !== null && ref !== call.repo.defaultBranch)) return { response: githubError(404, 'Not Found'), call: { operation: 'GetContent', mutates: false } };
  const sha = blobSha(text);
  const repoApi = `${call.urls.api}/repos/${call.repo.owner}/${call.repo.name}`;
  const self = `${repoApi}/contents/${path}?ref=${call.repo.defaultBranch}`;
  const html = `${call.urls.web}/${call.repo.owner}/${call.repo.name}/blob/${call.repo.defaultBranch}/${path}`;
  const git = `${repoApi}/git/blobs/${sha}`;
  const body = {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(text),
    name: path.split('/').at(-1)!,
    path,
    content: wrappedBase64(text),
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `${call.urls.web}/raw/${call.repo.owner}/${call.repo.name}/${call.repo.defaultBranch}/${path}`,
    _links: { self, git, html },
  };
  return { response: githubJson(200, body), call: { operation: 'GetContent', mutates: false } };
};
