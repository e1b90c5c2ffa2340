import type { CheckContext } from '../../check-api';
import type { SnowflakeSession } from '../../clients';
import type { ListedObject } from '../s3/list-recent-objects';
import type { ExternalTableInfo } from './external-table';
import { splitQualifiedName, sqlString } from './sql-literal';
import { describeStage } from './storage-integration';

/** The files an external table's metadata holds (INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES), as S3 keys. */
export interface RegisteredFiles {
  count: number;
  /** The newest registered file by its S3 modification time (LAST_MODIFIED); null when none is registered. */
  newest: ListedObject | null;
  has(object: ListedObject): boolean;
}

const asDate = (value: unknown): Date | null => {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/** Reads the files an external table has registered; names are relative to its stage URL, or full keys. */
export async function readRegisteredFiles(ctx: CheckContext, session: SnowflakeSession, table: ExternalTableInfo): Promise<RegisteredFiles> {
  const stageUrl = (await ctx.memo(['snowflake:DESC STAGE', table.stage], () => describeStage(session, table.stage))).url ?? table.location;
  const stagePrefix = stageUrl.replace(/^s3:\/\/[^/]+\//, '');
  const { database } = splitQualifiedName(table.name);
  // Once a run: the symptom and the unregistered-files checks both read it.
  const sql = `SELECT * FROM TABLE(${database ? `${database}.` : ''}INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES(TABLE_NAME => ${sqlString(table.name)}))`;
  const rows = await ctx.memo(['snowflake:EXTERNAL_TABLE_FILES', table.name], () => session.query(sql));
  const names = new Set<string>();
  let newest: ListedObject | null = null;
  for (const row of rows) {
    const name = String(row.FILE_NAME ?? row.file_name ?? '');
    names.add(name);
    const lastModified = asDate(row.LAST_MODIFIED ?? row.last_modified);
    if (lastModified && (!newest || lastModified > newest.lastModified)) {
      newest = { key: name.startsWith(stagePrefix) ? name : stagePrefix + name, lastModified, size: Number(row.FILE_SIZE ?? row.file_size ?? 0) };
    }
  }
  return { count: names.size, newest, has: (object) => names.has(object.key.slice(stagePrefix.length)) || names.has(object.key) };
}
