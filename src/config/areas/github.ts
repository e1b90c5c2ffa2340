import { z } from 'zod';

/**
 * Where the GitHub repository is. The token never goes here: it comes from GITHUB_TOKEN, GH_TOKEN
 * or the gh CLI's login (`gh auth token`).
 */
export const githubSchema = z.strictObject({
  /** `owner/name` of the repository whose workflows the checks read. */
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name'),
  /** The REST API base URL: GitHub Enterprise Server (`https://HOST/api/v3`) or a sandbox; omit for github.com. */
  apiUrl: z.url().optional(),
  /** The web base URL for links to runs; omit for github.com. */
  webUrl: z.url().optional(),
  /** Milliseconds before one API request is abandoned. */
  timeoutMs: z.number().int().positive().default(20_000),
});

/** GitHub settings of one environment. */
export type GithubConfig = z.infer<typeof githubSchema>;
