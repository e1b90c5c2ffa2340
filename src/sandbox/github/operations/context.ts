import type { ServiceReply } from '../../core/service';
import type { SandboxRequest } from '../../core/http';
import type { GithubUrls } from '../shapes';
import type { GithubRepository } from '../state';

/** What every GitHub operation gets: the request, its repository, the URLs to put in answers, the time. */
export interface GithubCall {
  request: SandboxRequest;
  repo: GithubRepository;
  urls: GithubUrls;
  now: Date;
}

/** A GitHub operation's handler. */
export type GithubOperation = (call: GithubCall, ids: readonly string[]) => ServiceReply;
