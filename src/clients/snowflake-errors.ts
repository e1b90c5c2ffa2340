import { markCallSite, ServiceCallError, ServiceCredentialsError, UnexpectedResponseError } from './service-error';
import type { SnowflakeTarget } from './targets';
import { transportFailure } from './transport-failure';
import { describeVariable } from './variable-state';

/** Raised when the driver does not answer in time: it hangs on some malformed answers (and retries 5xx) instead of failing. */
export class SnowflakeTimeoutError extends ServiceCallError {
  override name = 'SnowflakeTimeoutError';
  constructor(operation: string, readonly timeoutMs: number) {
    super('Snowflake', operation, 'unreachable', `did not answer within ${timeoutMs} ms (the driver retries failed logins and waits on answers it cannot read)`);
  }
}

/** snowflake-sdk's error codes for missing or refused credentials: options the driver refused, and Snowflake's own login errors. */
const missingCredentialCodes = new Set(['404003', '404005']);
const refusedCredentialCodes = new Set(['390100', '390112', '390114', '390144', '401004']);
/** Snowflake's codes for a session, or the token it was renewed with, that expired: 390112 (session), 390114 (master token). */
const expiredSessionCodes = new Set(['390112', '390114']);
/** What to do about an expired session: log in again with credentials that are still valid. */
const expiredHint =
  'log in again: check that SNOWFLAKE_PASSWORD (or the key in SNOWFLAKE_PRIVATE_KEY_PATH) is current and rotate it if it expired; for SSO (SNOWFLAKE_AUTHENTICATOR=externalbrowser) run again to sign in through the browser';
/** The driver's codes for answers it could not use. */
const unreadableAnswerCodes = new Set(['401002', '401003']);


/** Where the credentials were looked for, as the environment stands (values never shown). */
function sourcesTried(target: SnowflakeTarget): string[] {
  if (target.explicitCredentials) return ['the credentials of the sandbox or of the dbt profile'];
  const fromFile = target.connectionName ? `connections.toml entry "${target.connectionName}" (snowflake.connectionName)` : 'connections.toml (snowflake.connectionName not set)';
  return [...['SNOWFLAKE_USER', 'SNOWFLAKE_PASSWORD', 'SNOWFLAKE_PRIVATE_KEY_PATH', 'SNOWFLAKE_AUTHENTICATOR'].map((name) => describeVariable(process.env, name)), fromFile];
}

/** What to do about refused or missing Snowflake credentials. */
function credentialsHint(target: SnowflakeTarget): string {
  if (target.explicitCredentials) return "check the dbt profile's user and password (its env_var() values), or that RUNBOOK_SANDBOX_URL points at a sandbox";
  return generalHint;
}

const generalHint =
  'set SNOWFLAKE_USER with SNOWFLAKE_PASSWORD (or SNOWFLAKE_PRIVATE_KEY_PATH for key-pair auth, SNOWFLAKE_AUTHENTICATOR=externalbrowser for SSO), or name a connections.toml entry in snowflake.connectionName of runbook.config.ts';

/**
 * Turns what snowflake-sdk throws into words: credentials not given or refused, an answer the driver could not
 * read, a connection that failed. SQL errors (`002003` object does not exist) pass through, their call site marked.
 */
export function describeSnowflakeFailure(error: unknown, operation: string, target: SnowflakeTarget): unknown {
  if (!(error instanceof Error) || error instanceof ServiceCallError || error.name === 'StatementBlockedError') return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const where = target.accessUrl ?? `account ${target.account}`;
  if (missingCredentialCodes.has(code)) {
    return new ServiceCredentialsError('Snowflake', operation, sourcesTried(target), `no credentials for ${where}: the driver said "${error.message}"`, credentialsHint(target), { cause: error });
  }
  if (expiredSessionCodes.has(code)) {
    return new ServiceCredentialsError('Snowflake', operation, sourcesTried(target), `the Snowflake session for ${where} expired (${code}: ${error.message})`, expiredHint, { cause: error });
  }
  if (refusedCredentialCodes.has(code)) {
    return new ServiceCredentialsError('Snowflake', operation, sourcesTried(target), `Snowflake refused the login to ${where} (${code}: ${error.message})`, credentialsHint(target), { cause: error });
  }
  if (unreadableAnswerCodes.has(code) || (error.name === 'OperationFailedError' && !code && !error.message)) {
    return new UnexpectedResponseError('Snowflake', operation, 'not-json', "Snowflake's JSON answer", 'an answer the driver could not read', `the answer from ${where} could not be read by the driver (${code || error.name}${error.message ? `: ${error.message}` : ''}): not from Snowflake? a proxy or sign-in page?`, { cause: error });
  }
  const transport = transportFailure(error);
  if (transport || code === '401001') return new ServiceCallError('Snowflake', operation, 'unreachable', `${where}: ${transport?.words ?? error.message}`, { cause: error });
  return markCallSite(error, { service: 'Snowflake', operation });
}
