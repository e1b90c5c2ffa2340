import type { GithubClient } from '../../clients/github';
import { githubStatus } from './request-errors';

/** A file of the repository's default branch, decoded, with its page on GitHub. */
export interface RepositoryFile {
  path: string;
  text: string;
  htmlUrl: string | null;
}

/** Raised when the contents API answers for a path with something that is not a base64 file (a directory, a submodule). */
export class NotAFileError extends Error {
  override name = 'NotAFileError';
  constructor(readonly path: string, readonly found: string) {
    super(`Unexpected ${found} at ${path} in the repository, expected a file`);
  }
}

/** Reads one file through `GET /repos/{owner}/{repo}/contents/{path}`; null when there is no such path (404). */
export async function readRepositoryFile(github: GithubClient, owner: string, repo: string, path: string): Promise<RepositoryFile | null> {
  let data: unknown;
  try {
    data = (await github.rest.repos.getContent({ owner, repo, path })).data;
  } catch (error) {
    if (githubStatus(error) === 404) return null;
    throw error;
  }
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown; html_url?: unknown };
  if (Array.isArray(data)) throw new NotAFileError(path, 'a directory');
  if (file.type !== 'file' || file.encoding !== 'base64' || typeof file.content !== 'string') throw new NotAFileError(path, `a ${String(file.type)} (encoding ${String(file.encoding)})`);
  return { path, text: Buffer.from(file.content, 'base64').toString('utf8'), htmlUrl: typeof file.html_url === 'string' ? file.html_url : null };
}
