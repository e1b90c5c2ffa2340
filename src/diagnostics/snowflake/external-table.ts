import type { SnowflakeSession } from '../../clients';
import { parseS3Url, type S3Location } from '../s3/s3-url';
import { splitQualifiedName, sqlString } from './sql-literal';

/** An external table as SHOW EXTERNAL TABLES describes it. */
export interface ExternalTableInfo {
  name: string;
  stage: string;
  location: string;
  s3: S3Location | null;
  /** The SQS queue ARN when auto-refresh is on; null when it is off (SHOW has no auto_refresh column). */
  notificationChannel: string | null;
  invalid: boolean;
  invalidReason: string | null;
  lastRefreshedOn: string | null;
}

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** The SHOW EXTERNAL TABLES statement that finds one table. */
export function showExternalTableSql(qualifiedName: string): string {
  const { database, schema, name } = splitQualifiedName(qualifiedName);
  const scope = database && schema ? ` IN SCHEMA ${database}.${schema}` : schema ? ` IN SCHEMA ${schema}` : '';
  return `SHOW EXTERNAL TABLES LIKE ${sqlString(name)}${scope}`;
}

/** Finds one external table with SHOW EXTERNAL TABLES; null when it does not exist or is not visible. */
export async function showExternalTable(session: SnowflakeSession, qualifiedName: string): Promise<ExternalTableInfo | null> {
  const rows = await session.query(showExternalTableSql(qualifiedName));
  const { name } = splitQualifiedName(qualifiedName);
  const row = rows.find((r) => String(r.name).toUpperCase() === name);
  if (!row) return null;
  const location = String(row.location ?? '');
  const lastRefreshed = row.last_refreshed_on;
  return {
    name: `${row.database_name}.${row.schema_name}.${row.name}`,
    stage: String(row.stage ?? ''),
    location,
    s3: parseS3Url(location),
    notificationChannel: text(row.notification_channel),
    invalid: row.invalid === true || row.invalid === 'true',
    invalidReason: text(row.invalid_reason),
    lastRefreshedOn: lastRefreshed instanceof Date ? lastRefreshed.toISOString() : text(lastRefreshed),
  };
}
