// Three majors of snowflake-sdk (1.x and 2.x installed as npm aliases, 3.x the project's own) connect to the
// sandbox exactly as they would to Snowflake, with nothing but an access URL. The environment that keeps
// them on loopback is set by test/support/no-egress.ts before any of them is first loaded, and a guard
// below refuses any connection or name lookup that would leave loopback.
import './support/no-egress';
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCredentials } from '../src/sandbox/credentials';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { guardLoopback, type LoopbackGuard } from './support/loopback-only';

type Driver = typeof import('snowflake-sdk');
type Connection = import('snowflake-sdk').Connection;
type Row = Record<string, unknown>;

/** The driver majors under test: the package each is installed as, and the major it must be. */
const drivers = [
  { module: 'snowflake-sdk-v1', major: '1' },
  { module: 'snowflake-sdk-v2', major: '2' },
  { module: 'snowflake-sdk', major: '3' },
] as const;

const requireFromHere = createRequire(__filename);
const timeoutMs = 15_000;

let sandbox: Sandbox;
let guard: LoopbackGuard;

beforeAll(async () => {
  guard = guardLoopback();
  sandbox = await startSandbox({ world: 'healthy' });
});
afterAll(async () => {
  await sandbox?.stop();
  guard?.restore();
});

/** Runs a driver call with a timeout: the driver hangs, rather than fails, on some malformed answers. */
function within<T>(what: string, run: (done: (error: unknown, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
    run((error, value) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value as T);
    });
  });
}

/** A time printed in Snowflake's default formats (`YYYY-MM-DD HH24:MI:SS.FF3[ TZHTZM]`) as epoch milliseconds. */
function printedInstant(printed: string): number {
  const [, date, time, zone] = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})(?: ([+-]\d\d)(\d\d))?$/.exec(printed) ?? [];
  expect(date, `"${printed}" is in Snowflake's default timestamp format`).toBeTruthy();
  const offset = zone ? `${zone}:${printed.slice(-2)}` : 'Z';
  return Date.parse(`${date}T${time}${offset}`);
}

describe('the loopback guard of this file', () => {
  it('tells loopback addresses and names from every other one', async () => {
    const { isLoopback } = await import('./support/loopback-only');
    expect(['127.0.0.1', '127.3.2.1', '::1', 'localhost', 'LOCALHOST', undefined].map(isLoopback)).toEqual([true, true, true, true, true, true]);
    expect(['169.254.169.254', '10.0.0.1', '::ffff:169.254.169.254', 'metadata.google.internal', '128.0.0.1'].map(isLoopback)).toEqual([false, false, false, false, false]);
  });

  it('refuses a connection and a name lookup it does not allow before anything is sent, through net and http alike', async () => {
    // A stricter guard on top, refusing a loopback address: were the guard to fail, nothing would leave the machine.
    const strict = guardLoopback((host) => host !== '127.0.0.2');
    try {
      const socket = net.connect(9, '127.0.0.2');
      expect((await new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve))).code).toBe('EACCES');
      const request = http.get('http://127.0.0.2:9/');
      expect((await new Promise<NodeJS.ErrnoException>((resolve) => request.once('error', resolve))).code).toBe('EACCES');
      await expect(dns.promises.lookup('127.0.0.2')).rejects.toMatchObject({ code: 'EACCES' });
      expect(strict.refused).toEqual(['127.0.0.2:9', '127.0.0.2:9', 'lookup 127.0.0.2']);
    } finally {
      strict.restore();
    }
  });
});

describe.each(drivers)('snowflake-sdk major $major ($module) against the sandbox', ({ module, major }) => {
  let connection: Connection;
  const execute = (sqlText: string, binds?: Array<string | number>) =>
    within<Row[]>(`${module} execute`, (done) => connection.execute({ sqlText, ...(binds ? { binds } : {}), complete: (error, _statement, rows) => done(error, (rows ?? []) as Row[]) }));
  const failure = (sqlText: string) =>
    execute(sqlText).then(
      () => {
        throw new Error(`${sqlText} should have failed`);
      },
      (error: { code?: unknown; sqlState?: unknown; message: string }) => error,
    );

  beforeAll(async () => {
    const version = (requireFromHere(`${module}/package.json`) as { version: string }).version;
    expect(version.split('.')[0], `${module} is snowflake-sdk ${major}.x`).toBe(major);
    const loaded = (await import(module)) as Driver & { default?: Driver };
    const snowflake = loaded.default ?? loaded;
    // disableOCSPChecks is the 2.x/3.x name, insecureConnect the 1.x one: the sandbox speaks plain HTTP either way.
    snowflake.configure({ logLevel: 'OFF', disableOCSPChecks: true, insecureConnect: true } as Parameters<Driver['configure']>[0]);
    const created = snowflake.createConnection({
      account: sandboxCredentials.snowflake.account,
      username: sandboxCredentials.snowflake.username,
      password: sandboxCredentials.snowflake.password,
      accessUrl: sandbox.url,
      database: 'ANALYTICS',
      schema: 'RAW',
    });
    connection = await within<Connection>(`${module} login`, (done) => created.connect((error, conn) => done(error, conn)));
  });
  afterAll(async () => {
    if (connection) await within<void>(`${module} logout`, (done) => connection.destroy((error) => done(error))).catch(() => undefined);
  });

  it('runs SHOW EXTERNAL TABLES, and its TIMESTAMP_LTZ column prints in the session time zone', async () => {
    const rows = await execute("SHOW EXTERNAL TABLES LIKE 'REVIEWS_EXT' IN SCHEMA ANALYTICS.RAW");
    expect(rows).toHaveLength(1);
    const createdOn = rows[0]!.created_on as Date;
    expect(createdOn).toBeInstanceOf(Date);
    const printed = JSON.parse(JSON.stringify(rows)) as Row[];
    expect(printed[0]).toMatchObject({ name: 'REVIEWS_EXT', database_name: 'ANALYTICS', schema_name: 'RAW' });
    expect(printed[0]!.created_on).toMatch(/ -0[78]00$/);
    expect(printedInstant(printed[0]!.created_on as string)).toBe(createdOn.getTime());
    expect(String(createdOn)).not.toBe('');
  });

  it('runs SELECT CURRENT_VERSION() and prints CURRENT_TIMESTAMP()', async () => {
    const [row] = await execute('SELECT CURRENT_VERSION(), CURRENT_TIMESTAMP() AS NOW');
    expect(row!['CURRENT_VERSION()']).toMatch(/^\d+\.\d+\.\d+$/);
    const printed = (JSON.parse(JSON.stringify(row)) as Row).NOW as string;
    expect(Math.abs(printedInstant(printed) - Date.now())).toBeLessThan(60_000);
  });

  it('runs a bound query, whose TIMESTAMP_NTZ column prints without a zone', async () => {
    const rows = await execute('SELECT ASIN, TITLE, LOADED_AT FROM ANALYTICS.RAW.PRODUCTS_EXT WHERE ASIN = ?', ['1384719342']);
    expect(rows.map((r) => [r.ASIN, r.TITLE])).toEqual([['1384719342', 'Pop Filter for Blue Yeti']]);
    const printed = (JSON.parse(JSON.stringify(rows[0])) as Row).LOADED_AT as string;
    expect(printed).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(Math.abs(printedInstant(printed) - (Date.now() - 26 * 3600_000))).toBeLessThan(10 * 60_000);
  });

  it("gets Snowflake's error code and SQL state for an invalid statement and for a missing table", async () => {
    expect(await failure('SELEC 1')).toMatchObject({ code: '001003', sqlState: '42000', message: "SQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'." });
    expect(await failure('SELECT * FROM ANALYTICS.RAW.NO_SUCH_TABLE')).toMatchObject({
      code: '002003',
      sqlState: '42S02',
      message: "SQL compilation error:\nObject 'ANALYTICS.RAW.NO_SUCH_TABLE' does not exist or not authorized.",
    });
  });

  it('sent nothing beyond loopback', () => {
    expect(guard.refused).toEqual([]);
  });
});
