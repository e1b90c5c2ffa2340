/** The sandbox's fixed GitHub token: it opens nothing outside this process, and the simulator accepts no other. */
export const sandboxGithubToken = 'sandbox-github-token';

/** The path under the sandbox URL where the simulated GitHub REST API answers. */
export const githubPathPrefix = '/github';
