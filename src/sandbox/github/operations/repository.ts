import { fullRepositoryShape } from '../repository-shape';
import { githubJson } from '../responses';
import type { GithubOperation } from './context';

/** `GET /repos/{owner}/{repo}`: the repository, as a token with read access sees it. */
export const getRepository: GithubOperation = (call) => ({
  response: githubJson(200, fullRepositoryShape(call.repo, call.urls)),
  call: { operation: 'GetRepository', mutates: false },
});
