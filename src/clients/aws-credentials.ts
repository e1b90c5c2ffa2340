import { ServiceCredentialsError } from './service-error';
import type { AwsTarget } from './targets';
import { variableState } from './variable-state';

/** Exception names AWS uses for credentials it refuses or that expired (matched by name, never by message). */
export const refusedCredentialNames: ReadonlySet<string> = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidToken',
]);

/** The credential sources of the AWS default provider chain, in its order, as they stand in this environment. */
export function awsCredentialSources(target: AwsTarget, env: NodeJS.ProcessEnv = process.env): string[] {
  const profile = target.profile ? `profile "${target.profile}" (aws.profile in runbook.config.ts)` : env.AWS_PROFILE ? `profile "${env.AWS_PROFILE}" (AWS_PROFILE)` : 'profile "default" (AWS_PROFILE not set)';
  const files = `${env.AWS_CONFIG_FILE ?? '~/.aws/config'} and ${env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}`;
  return [
    `environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (${variableState(env, 'AWS_ACCESS_KEY_ID')})`,
    `${profile} in ${files}, with its SSO session or credential process`,
    `web identity token AWS_WEB_IDENTITY_TOKEN_FILE (${variableState(env, 'AWS_WEB_IDENTITY_TOKEN_FILE')})`,
    `container credentials AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI (${variableState(env, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI')})`,
    env.AWS_EC2_METADATA_DISABLED === 'true' ? 'instance metadata (turned off by AWS_EC2_METADATA_DISABLED)' : 'instance metadata',
  ];
}

/** What to do about AWS credentials, naming the profile the run used. */
function awsCredentialsHint(target: AwsTarget, env: NodeJS.ProcessEnv): string {
  const profile = target.profile ?? env.AWS_PROFILE;
  return profile
    ? `run \`aws sso login --profile ${profile}\` if it is an SSO profile, or check that profile ${profile} has credentials`
    : 'set AWS_PROFILE (or aws.profile in runbook.config.ts) to a profile with read access and, for an SSO profile, run `aws sso login --profile NAME`; or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
}

/** Exception names that say the credentials were valid once and have expired: refreshing them is the fix. */
const expiredCredentialNames: ReadonlySet<string> = new Set(['ExpiredToken', 'ExpiredTokenException']);

/** What to do about expired AWS credentials: refresh the session, naming the profile the run used. */
function expiredHint(target: AwsTarget, env: NodeJS.ProcessEnv): string {
  const profile = target.profile ?? env.AWS_PROFILE;
  return `the session's credentials expired: refresh them with \`aws sso login${profile ? ` --profile ${profile}` : ' --profile NAME'}\` (an SSO profile), or renew the temporary credentials (AWS_SESSION_TOKEN, a credential process or role session) and run again`;
}

/** The error for AWS credentials that were not found, or that AWS refused (`refused`: expired, unknown key, bad signature). */
export function awsCredentialsError(service: string, operation: string, target: AwsTarget, cause: Error, refused: boolean, env: NodeJS.ProcessEnv = process.env): ServiceCredentialsError {
  const detail = refused ? `AWS refused the credentials (${cause.name}: ${cause.message})` : `no AWS credentials found (the SDK said: ${cause.message})`;
  const status = (cause as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const hint = refused && expiredCredentialNames.has(cause.name) ? expiredHint(target, env) : awsCredentialsHint(target, env);
  return new ServiceCredentialsError(service, operation, awsCredentialSources(target, env), detail, hint, { cause, ...(status ? { status } : {}) });
}
