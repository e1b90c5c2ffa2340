import path from 'node:path';
import type { Connection, ConnectionOptions } from 'snowflake-sdk';
import { isReadStatement } from './read-only';
import { beginCall, encodeTrace } from './call-trace';
import { loadAxiosWithoutFetchProbe } from './axios-fetch-probe';
import { deferOptionalDriverModules } from './snowflake-deferred';
import { observeCall, statementOperation, type ServiceCallListener } from './service-calls';
import { prepareSnowflakeEnvironment } from './snowflake-env';
import { describeSnowflakeFailure, SnowflakeTimeoutError } from './snowflake-errors';
import { throughBreaker, type ServiceBreaker } from './breaker/service-breaker';
import { defaultRetryPolicy, type RetryPolicy } from './retry/policy';
import { withRetry } from './retry/with-retry';
import type { SnowflakeTarget } from './targets';

/** A row of a Snowflake result, keyed by column name as Snowflake spells it. */
export type SnowflakeRow = Record<string, unknown>;

/** An open Snowflake connection that runs statements with a timeout. */
export interface SnowflakeSession {
  query(sqlText: string, binds?: Array<string | number | boolean | null>): Promise<SnowflakeRow[]>;
  close(): Promise<void>;
}

export { SnowflakeTimeoutError } from './snowflake-errors';

/** Raised when a read-only check sends a statement that is not a read. */
export class StatementBlockedError extends Error {
  override name = 'StatementBlockedError';
  constructor(readonly statement: string) {
    super(`"${statement.slice(0, 60)}" is not a read and is refused: only an action run with --fix may change anything`);
  }
}

function withTimeout<T>(operation: string, timeoutMs: number, run: (done: (error: unknown, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SnowflakeTimeoutError(operation, timeoutMs)), timeoutMs);
    run((error, value) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value as T);
    });
  });
}

let driver: typeof import('snowflake-sdk') | undefined;

/** Loads snowflake-sdk once, after the environment that keeps it on loopback is set. */
export function loadSnowflakeDriver(): typeof import('snowflake-sdk') {
  if (!driver) {
    prepareSnowflakeEnvironment();
    const entry = require.resolve('snowflake-sdk');
    const { version } = require(path.join(path.dirname(entry), '..', 'package.json')) as { version: string };
    deferOptionalDriverModules(path.dirname(entry), version);
    loadAxiosWithoutFetchProbe(path.dirname(entry));
    driver = require(entry) as typeof import('snowflake-sdk');
    driver.configure({ logLevel: 'OFF', disableOCSPChecks: true } as Parameters<typeof driver.configure>[0]);
  }
  return driver;
}

/** Connection options from the target and Snowflake's standard environment variables. */
function connectionOptions(target: SnowflakeTarget): ConnectionOptions {
  const env = process.env;
  const credentials = target.explicitCredentials ?? {
    username: env.SNOWFLAKE_USER ?? '',
    password: env.SNOWFLAKE_PASSWORD ?? '',
  };
  return {
    account: target.account,
    username: credentials.username,
    ...(credentials.password ? { password: credentials.password } : {}),
    ...(env.SNOWFLAKE_AUTHENTICATOR && !target.explicitCredentials ? { authenticator: env.SNOWFLAKE_AUTHENTICATOR } : {}),
    ...(env.SNOWFLAKE_PRIVATE_KEY_PATH && !target.explicitCredentials ? { privateKeyPath: env.SNOWFLAKE_PRIVATE_KEY_PATH } : {}),
    ...(target.accessUrl ? { accessUrl: target.accessUrl } : {}),
    ...(target.warehouse ? { warehouse: target.warehouse } : {}),
    ...(target.database ? { database: target.database } : {}),
    ...(target.schema ? { schema: target.schema } : {}),
    ...(target.role ? { role: target.role } : {}),
  } as ConnectionOptions;
}

/**
 * Opens a Snowflake session; a `readOnly` session refuses statements that are not reads; `onCall` hears of the login and
 * each statement. The driver retries a failed login `retry.attempts - 1` times itself; a read that still fails
 * transiently (the connection reset or cut short) is run again under `retry`.
 */
export async function openSnowflake(target: SnowflakeTarget, options: { readOnly: boolean; onCall?: ServiceCallListener; retry?: RetryPolicy; breaker?: ServiceBreaker }): Promise<SnowflakeSession> {
  const snowflake = loadSnowflakeDriver();
  const policy = options.retry ?? defaultRetryPolicy;
  const named = (operation: string) => (error: unknown) => {
    throw describeSnowflakeFailure(error, operation, target);
  };
  // In a traced run (the sandbox's) the driver, which takes no headers, carries each call's trace as its application name and query tag.
  const login = beginCall();
  const connection: Connection = await (async () => {
    const settings = target.connectionName && !target.explicitCredentials
      ? ({ ...(await loadConnectionsToml(snowflake, target.connectionName)), ...pickDefined(target) } as ConnectionOptions)
      : connectionOptions(target);
    return snowflake.createConnection({ ...settings, sfRetryMaxLoginRetries: Math.max(0, policy.attempts - 1), ...(login ? { application: encodeTrace(login.trace) } : {}) } as ConnectionOptions);
  })().catch((error: unknown) => {
    login?.done();
    return named('login')(error);
  });
  await observeCall(options.onCall, 'snowflake', 'login', () =>
    throughBreaker(options.breaker, 'Snowflake', 'login', target.timeoutMs, () =>
      withTimeout<Connection>('login', target.timeoutMs, (done) => connection.connect((error, conn) => done(error, conn))).catch(named('login')),
    ).finally(() => login?.done()),
  );
  return {
    query: async (sqlText, binds) => {
      if (options.readOnly && !isReadStatement(sqlText)) return Promise.reject(new StatementBlockedError(sqlText));
      // One trace for the statement, however many attempts; only reads are retried.
      const call = beginCall();
      const parameters = call ? { parameters: { QUERY_TAG: encodeTrace(call.trace) } } : {};
      const attempt = () =>
        observeCall(options.onCall, 'snowflake', statementOperation(sqlText), () =>
          throughBreaker(options.breaker, 'Snowflake', 'query', target.timeoutMs, () =>
            withTimeout<SnowflakeRow[]>('query', target.timeoutMs, (done) =>
              connection.execute({ sqlText, ...(binds ? { binds } : {}), ...parameters, complete: (error, _statement, rows) => done(error, (rows ?? []) as SnowflakeRow[]) }),
            ).catch(named('query')),
          ),
        );
      try {
        return await withRetry(isReadStatement(sqlText) ? policy : { ...policy, attempts: 1 }, attempt);
      } finally {
        call?.done();
      }
    },
    close: () =>
      observeCall(options.onCall, 'snowflake', 'logout', () => withTimeout<void>('logout', target.timeoutMs, (done) => connection.destroy((error) => done(error)))).catch(() => undefined),
  };
}

function pickDefined(target: SnowflakeTarget): Partial<ConnectionOptions> {
  const picked: Record<string, string> = {};
  for (const key of ['warehouse', 'database', 'schema', 'role', 'accessUrl'] as const) {
    const value = target[key];
    if (value) picked[key] = value;
  }
  return picked as Partial<ConnectionOptions>;
}

async function loadConnectionsToml(snowflake: typeof import('snowflake-sdk'), name: string): Promise<ConnectionOptions> {
  const previous = process.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME;
  process.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME = name;
  try {
    const load = (snowflake as unknown as { loadConnectionConfiguration?: () => ConnectionOptions }).loadConnectionConfiguration;
    if (!load) throw new Error('this snowflake-sdk cannot read connections.toml; use SNOWFLAKE_USER and SNOWFLAKE_PASSWORD');
    return load();
  } finally {
    if (previous === undefined) delete process.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME;
    else process.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME = previous;
  }
}
