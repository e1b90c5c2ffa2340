/** Client factories: one per service, each taking an explicit target. Checks get them through `ctx.clients`. */
export * from './service-clients';
export * from './targets';
export { describeCallError, type ServiceCall, type ServiceCallListener } from './service-calls';
export { createGithubClient, githubDotComApi, type GithubClient } from './github';
export { resolveGithubToken, type GithubToken, type GithubTokenSource } from './github-token';
export { MutationBlockedError, isReadOperation, isReadStatement } from './read-only';
export { SnowflakeTimeoutError, StatementBlockedError, type SnowflakeRow, type SnowflakeSession } from './snowflake';
export { ServiceCallError, ServiceCredentialsError, UnexpectedResponseError, callSiteOf, describeCallFailure, type CallProblem, type ResponseFlaw } from './service-error';
