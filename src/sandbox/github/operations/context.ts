import type { ServiceReply } from '../../core/service';
import type { SandboxRequest } from '../../core/http';
import type { GithubUrls } from '../shapes';
import type { GithubRepository } from '../state';

/** What every GitHub operation gets: the request, its path parameters, its repository, the URLs to put in answers, the time. */
export interface GithubCall {
  request: SandboxRequest;
  /** The path parameters, by the names GitHub's OpenAPI description gives them (`run_id`, `job_id`, …). */
  params: Record<string, string>;
  repo: GithubRepository;
  urls: GithubUrls;
  now: Date;
}

/** A GitHub operation's handler. */
export type GithubOperation = (call: GithubCall) => ServiceReply;
