import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlError } from './errors';
import { createSqlEngine, type SqlEngine } from './sql-engine';

let engine: SqlEngine;
const session = { database: 'ANALYTICS', schema: 'RAW' };

beforeAll(async () => {
  engine = await createSqlEngine({ tables: { 'ANALYTICS.RAW.REVIEWS': { columns: { ASIN: 'VARCHAR', RATING: 'INTEGER' }, rows: [['B01', 5]] } } });
});
afterAll(() => engine.close());

/** The error the engine raises for a statement, as the client would see it. */
async function failure(sql: string): Promise<SqlError> {
  const error = await engine.query(sql, session).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${sql} should fail`).toBeInstanceOf(SqlError);
  return error as SqlError;
}

describe('errors of the warehouse engine reach the client in Snowflake words, never the engine', () => {
  it.each([
    ['SELECT * FROM NOPE', '002003', '42S02', "SQL compilation error:\nObject 'NOPE' does not exist or not authorized."],
    ['select * from analytics.raw.nope', '002003', '42S02', "SQL compilation error:\nObject 'ANALYTICS.RAW.NOPE' does not exist or not authorized."],
    ['SELECT * FROM ANALYTICS.NOSCHEMA.REVIEWS', '002003', '02000', "SQL compilation error:\nSchema 'ANALYTICS.NOSCHEMA' does not exist or not authorized."],
    ['SELECT * FROM NODB.RAW.REVIEWS', '002003', '02000', "SQL compilation error:\nDatabase 'NODB' does not exist or not authorized."],
    ['SELECT TITLE FROM REVIEWS', '000904', '42000', "SQL compilation error: error line 1 at position 7\ninvalid identifier 'TITLE'"],
    ['SELECT r.title\nFROM REVIEWS r', '000904', '42000', "SQL compilation error: error line 1 at position 7\ninvalid identifier 'R.TITLE'"],
    ['SELECT ASIN FROM REVIEWS WHERE', '001003', '42000', "SQL compilation error:\nsyntax error line 1 at position 30 unexpected '<EOF>'."],
    ['SELECT ASIN\nFROM REVIEWS WHERE RATING = = 1', '001003', '42000', "SQL compilation error:\nsyntax error line 2 at position 28 unexpected '='."],
    ['SELECT NOFUNC(ASIN) FROM REVIEWS', '002140', '42601', 'SQL compilation error:\nUnknown function NOFUNC'],
    ["SELECT CAST('x' AS INTEGER)", '100038', '22018', "Numeric value 'x' is not recognized"],
  ])('%s fails with %s (%s)', async (sql, code, sqlState, message) => {
    const error = await failure(sql);
    expect({ code: error.code, sqlState: error.sqlState, message: error.message }).toEqual({ code, sqlState, message });
  });

  it('points at the place in a long line, which the engine shows only a window of', async () => {
    const sql = `SELECT ${Array.from({ length: 40 }, (_, k) => `ASIN AS C${k}`).join(', ')}, NOPE FROM REVIEWS`;
    expect((await failure(sql)).message).toBe(`SQL compilation error: error line 1 at position ${sql.indexOf('NOPE')}\ninvalid identifier 'NOPE'`);
  });

  it('says nothing in the engine vocabulary for an error it has no Snowflake mapping for', async () => {
    const error = await failure('SELECT * FROM REVIEWS a JOIN REVIEWS b ON a.ASIN = b.ASIN WHERE RATING = 1');
    expect(error.message).not.toMatch(/Binder|Catalog Error|Parser Error|DuckDB|LINE \d/);
    expect(error.code).toMatch(/^\d{6}$/);
  });
});
