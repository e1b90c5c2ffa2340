import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { worldsDir } from '../src/sandbox/world/load-world';

/** The driver's JSON envelope. */
interface Envelope {
  success: boolean;
  code: string | null;
  message: string | null;
  data: {
    token?: string;
    parameters?: Array<{ name: string; value: unknown }>;
    rowtype?: Array<{ name: string; type: string }>;
    rowset?: Array<Array<string | null>>;
    returned?: number;
    errorCode?: string;
    sqlState?: string;
    serverVersion?: string;
    finalRoleName?: string;
    finalWarehouseName?: string | null;
  } | null;
}

let sandbox: Sandbox;
let worlds: string;

beforeAll(async () => {
  worlds = mkdtempSync(path.join(os.tmpdir(), 'runbook-snowflake-worlds-'));
  mkdirSync(path.join(worlds, 'healthy'));
  for (const file of ['world.json', 's3.json', 'snowflake.json']) cpSync(path.join(worldsDir, 'healthy', file), path.join(worlds, 'healthy', file));
  sandbox = await startSandbox({ world: 'healthy', worldsDir: worlds });
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(worlds, { recursive: true, force: true });
});

/** POSTs JSON (optionally gzipped, as the driver sends it) and reads the envelope. */
async function post(pathAndQuery: string, body: unknown, options: { token?: string; gzip?: boolean } = {}): Promise<{ status: number; contentType: string | null; envelope: Envelope }> {
  const json = JSON.stringify(body);
  const response = await fetch(`${sandbox.url}${pathAndQuery}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/snowflake',
      ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(options.token ? { authorization: `Snowflake Token="${options.token}"` } : {}),
    },
    body: options.gzip ? gzipSync(json) : json,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), envelope: (await response.json()) as Envelope };
}

const login = (password: string, gzip = false) =>
  post('/session/v1/login-request?databaseName=ANALYTICS&schemaName=RAW', { data: { ACCOUNT_NAME: 'SANDBOX', LOGIN_NAME: sandboxCredentials.snowflake.username, PASSWORD: password } }, { gzip });

describe('the sandbox speaks the Snowflake driver protocol over raw HTTP', () => {
  it('refuses a wrong password with success:false and code 390100', async () => {
    const { status, contentType, envelope } = await login('not-the-password');
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/json/);
    expect(envelope).toMatchObject({ success: false, code: '390100', message: 'Incorrect username or password was specified.' });
  });

  it('logs in with the right password and returns a session token', async () => {
    const { envelope } = await login(sandboxCredentials.snowflake.password);
    expect(envelope.success).toBe(true);
    expect(envelope.data?.token).toEqual(expect.any(String));
  });

  it('answers a query without a session token with "session expired" (390112)', async () => {
    const { envelope } = await post('/queries/v1/query-request', { sqlText: 'SELECT 1' });
    expect(envelope).toMatchObject({ success: false, code: '390112' });
    expect(envelope.message).toMatch(/session has expired/);
  });

  it('answers a statement it does not simulate with the syntax error 001003, logged as non-mutating', async () => {
    const token = (await login(sandboxCredentials.snowflake.password)).envelope.data!.token!;
    const { envelope } = await post('/queries/v1/query-request', { sqlText: 'DROP TABLE ANALYTICS.RAW.REVIEWS_EXT' }, { token });
    expect(envelope).toMatchObject({ success: false, code: '001003', data: { sqlState: '42000' } });
    expect(sandbox.calls.all().at(-1)).toMatchObject({ service: 'snowflake', operation: 'unsupported statement', statement: 'DROP TABLE ANALYTICS.RAW.REVIEWS_EXT', mutates: false });
  });

  it('accepts gzip request bodies, as the driver compresses them', async () => {
    const token = (await login(sandboxCredentials.snowflake.password, true)).envelope.data!.token!;
    const { envelope } = await post('/queries/v1/query-request', { sqlText: 'SELECT 1' }, { token, gzip: true });
    expect(envelope.success).toBe(true);
    expect(envelope.data).toMatchObject({ rowtype: [{ name: '1', type: 'fixed' }], rowset: [['1']], returned: 1 });
  });

  it('answers SHOW EXTERNAL TABLES with the real columns: no auto_refresh, a notification_channel', async () => {
    const token = (await login(sandboxCredentials.snowflake.password)).envelope.data!.token!;
    const { envelope } = await post('/queries/v1/query-request', { sqlText: "SHOW EXTERNAL TABLES LIKE 'REVIEWS_EXT' IN SCHEMA ANALYTICS.RAW" }, { token });
    const columns = envelope.data!.rowtype!.map((c) => c.name);
    expect(columns).toContain('notification_channel');
    expect(columns).not.toContain('auto_refresh');
    expect(envelope.data!.rowset).toHaveLength(1);
  });
});

/** The session parameters of a response, by name. */
const parametersOf = (envelope: Envelope) => Object.fromEntries((envelope.data?.parameters ?? []).map((p) => [p.name, p.value]));

describe('the sandbox sends the session parameters real Snowflake sends', () => {
  const formats = ['TIMEZONE', 'TIMESTAMP_OUTPUT_FORMAT', 'TIMESTAMP_NTZ_OUTPUT_FORMAT', 'TIMESTAMP_LTZ_OUTPUT_FORMAT', 'TIMESTAMP_TZ_OUTPUT_FORMAT', 'DATE_OUTPUT_FORMAT', 'TIME_OUTPUT_FORMAT', 'BINARY_OUTPUT_FORMAT'];

  it('with the login: the time zone, every output format and the CLIENT_* parameters', async () => {
    const { envelope } = await login(sandboxCredentials.snowflake.password);
    const parameters = parametersOf(envelope);
    expect(Object.keys(parameters)).toEqual(expect.arrayContaining([...formats, 'CLIENT_SESSION_KEEP_ALIVE', 'CLIENT_RESULT_CHUNK_SIZE', 'CLIENT_TIMESTAMP_TYPE_MAPPING', 'AUTOCOMMIT']));
    expect(parameters).toMatchObject({ TIMEZONE: 'America/Los_Angeles', TIMESTAMP_OUTPUT_FORMAT: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM', CLIENT_SESSION_KEEP_ALIVE: false, CLIENT_RESULT_CHUNK_SIZE: 160 });
    expect(envelope.data).toMatchObject({ serverVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('with every query result, changed by ALTER SESSION SET and restored by UNSET', async () => {
    const token = (await login(sandboxCredentials.snowflake.password)).envelope.data!.token!;
    const before = await post('/queries/v1/query-request', { sqlText: 'SELECT 1' }, { token });
    expect(Object.keys(parametersOf(before.envelope))).toEqual(expect.arrayContaining(formats));
    await post('/queries/v1/query-request', { sqlText: "ALTER SESSION SET TIMEZONE = 'UTC' TIMESTAMP_OUTPUT_FORMAT = 'YYYY-MM-DD\"T\"HH24:MI:SS' CLIENT_SESSION_KEEP_ALIVE = TRUE" }, { token });
    const changed = parametersOf((await post('/queries/v1/query-request', { sqlText: 'SELECT 1' }, { token })).envelope);
    expect(changed).toMatchObject({ TIMEZONE: 'UTC', TIMESTAMP_OUTPUT_FORMAT: 'YYYY-MM-DD"T"HH24:MI:SS', CLIENT_SESSION_KEEP_ALIVE: true });
    await post('/queries/v1/query-request', { sqlText: 'ALTER SESSION UNSET TIMEZONE, CLIENT_SESSION_KEEP_ALIVE' }, { token });
    const restored = parametersOf((await post('/queries/v1/query-request', { sqlText: 'SELECT 1' }, { token })).envelope);
    expect(restored).toMatchObject({ TIMEZONE: 'America/Los_Angeles', CLIENT_SESSION_KEEP_ALIVE: false, TIMESTAMP_OUTPUT_FORMAT: 'YYYY-MM-DD"T"HH24:MI:SS' });
  });
});

describe("the sandbox answers Snowflake's context functions from the session", () => {
  it('in one select list, named as Snowflake names them, with aliases upper-cased', async () => {
    const token = (await post('/session/v1/login-request?databaseName=ANALYTICS&schemaName=RAW&warehouse=transform_wh&roleName=analyst', { data: { ACCOUNT_NAME: 'sandbox', LOGIN_NAME: 'sandbox', PASSWORD: sandboxCredentials.snowflake.password } })).envelope.data!.token!;
    const sqlText = 'select current_account(), CURRENT_USER(), current_role() as role, CURRENT_WAREHOUSE() "wh", CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_VERSION(), CURRENT_TIMESTAMP(), CURRENT_DATE';
    const { envelope } = await post('/queries/v1/query-request', { sqlText }, { token });
    expect(envelope.data!.rowtype!.map((c) => [c.name, c.type])).toEqual([
      ['CURRENT_ACCOUNT()', 'text'], ['CURRENT_USER()', 'text'], ['ROLE', 'text'], ['wh', 'text'], ['CURRENT_DATABASE()', 'text'],
      ['CURRENT_SCHEMA()', 'text'], ['CURRENT_VERSION()', 'text'], ['CURRENT_TIMESTAMP()', 'timestamp_ltz'], ['CURRENT_DATE', 'date'],
    ]);
    const [row] = envelope.data!.rowset!;
    expect(row!.slice(0, 6)).toEqual(['SANDBOX', 'SANDBOX', 'ANALYST', 'TRANSFORM_WH', 'ANALYTICS', 'RAW']);
    expect(row![6]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Math.abs(Number(row![7]) * 1000 - Date.now())).toBeLessThan(60_000);
    expect(envelope.data).toMatchObject({ finalRoleName: 'ANALYST', finalWarehouseName: 'TRANSFORM_WH' });
  });

  it("answers a request without a statement with Snowflake's empty-statement error, and a malformed bind with its unset-bind error", async () => {
    const token = (await login(sandboxCredentials.snowflake.password)).envelope.data!.token!;
    for (const body of [{}, { sqlText: '   ' }]) {
      const { envelope } = await post('/queries/v1/query-request', body, { token });
      expect(envelope, JSON.stringify(body)).toMatchObject({ success: false, code: '000900', message: 'Empty SQL statement.', data: { sqlState: '42601' } });
    }
    const { envelope } = await post('/queries/v1/query-request', { sqlText: 'SELECT ?', bindings: { '1': { value: 'no type' } } }, { token });
    expect(envelope).toMatchObject({ success: false, code: '002049', message: 'SQL compilation error:\nBind variable :1 not set.' });
  });

  it("answers a statement that is not SQL with Snowflake's syntax error at its first word", async () => {
    const token = (await login(sandboxCredentials.snowflake.password)).envelope.data!.token!;
    const { envelope } = await post('/queries/v1/query-request', { sqlText: 'SELEC 1' }, { token });
    expect(envelope).toMatchObject({ success: false, code: '001003', message: "SQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'.", data: { sqlState: '42000' } });
  });
});

describe('the sandbox serves snowflake-sdk itself', () => {
  type Driver = typeof import('snowflake-sdk');
  let snowflake: Driver;

  beforeAll(async () => {
    process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';
    snowflake = (await import('snowflake-sdk')) as unknown as Driver;
    const driver = ((snowflake as unknown as { default?: Driver }).default ?? snowflake) as Driver;
    snowflake = driver;
    snowflake.configure({ logLevel: 'OFF', disableOCSPChecks: true } as Parameters<Driver['configure']>[0]);
  });

  const connect = (password: string) =>
    new Promise<import('snowflake-sdk').Connection>((resolve, reject) => {
      const connection = snowflake.createConnection({
        account: sandboxCredentials.snowflake.account,
        username: sandboxCredentials.snowflake.username,
        password,
        accessUrl: sandbox.url,
        database: 'ANALYTICS',
        schema: 'RAW',
      });
      const timer = setTimeout(() => reject(new Error('login did not answer within 15 s')), 15_000);
      connection.connect((error, conn) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(conn);
      });
    });

  it('connects, runs a query, and reads typed rows', async () => {
    const connection = await connect(sandboxCredentials.snowflake.password);
    try {
      const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
        connection.execute({ sqlText: 'SELECT CURRENT_USER()', complete: (error, _statement, result) => (error ? reject(error) : resolve((result ?? []) as Array<Record<string, unknown>>)) }),
      );
      expect(rows).toEqual([{ 'CURRENT_USER()': 'SANDBOX' }]);
    } finally {
      await new Promise<void>((resolve) => connection.destroy(() => resolve()));
    }
  });

  it('fails the login with a wrong password, with the server code', async () => {
    await expect(connect('not-the-password')).rejects.toMatchObject({ code: '390100' });
  });
});
