import { describe, expect, it } from 'vitest';
import { sqlTargetFromEnvironment } from './sql-command';
import { buildSqlTable, formatSqlValue } from './sql-table';

describe('npm run sql output', () => {
  it('prints timestamps as ISO instants even when the driver could not format them itself', () => {
    const value = new Date('2026-11-26T08:00:00.000Z');
    value.toJSON = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    };
    expect(formatSqlValue(value)).toBe('2026-11-26T08:00:00.000Z');
    expect(formatSqlValue(null)).toBe('NULL');
    expect(formatSqlValue({ a: 1 })).toBe('{"a":1}');
  });

  it('lays rows out as a table headed by the column names, with a row count', () => {
    expect(buildSqlTable([{ property: 'ENABLED', property_value: 'false' }, { property: 'STORAGE_PROVIDER', property_value: 'S3' }])).toBe(
      ['property         | property_value', '-----------------+---------------', 'ENABLED          | false', 'STORAGE_PROVIDER | S3', '(2 rows)', ''].join('\n'),
    );
    expect(buildSqlTable([])).toBe('(0 rows)\n');
  });

  it('names the settings it is missing, and takes the sandbox env file as it is', () => {
    expect(() => sqlTargetFromEnvironment({})).toThrow('Missing SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER, SNOWFLAKE_ACCESS_URL (or SNOWFLAKE_HOST)');
    expect(sqlTargetFromEnvironment({ SNOWFLAKE_ACCOUNT: 'sandbox', SNOWFLAKE_USER: 'SANDBOX', SNOWFLAKE_HOST: '127.0.0.1', SNOWFLAKE_PORT: '4000', SNOWFLAKE_PROTOCOL: 'http' })).toMatchObject({
      account: 'sandbox',
      accessUrl: 'http://127.0.0.1:4000',
    });
  });
});
