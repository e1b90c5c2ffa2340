import { NoSuchBucket } from '@aws-sdk/client-s3';
import { fail, link, type CheckContext } from '../../check-api';
import type { SnowflakeSession } from '../../clients';
import type { CheckResult, ConsoleLink } from '../../model';
import type { ListedObject } from '../s3/list-recent-objects';
import { discoverRecentObjects, type Discovery } from '../s3/recent-objects';
import { s3ConsoleUrl } from '../s3/s3-url';
import { eachExternalTable } from './each-external-table';
import type { ExternalTableInfo } from './external-table';
import { splitQualifiedName, sqlString } from './sql-literal';
import { describeStage } from './storage-integration';

/** An external table's S3 objects beside the files its metadata has registered. */
export interface TableFiles {
  bucket: string;
  prefix: string;
  /** The recent objects under the location (the window of `externalTables.recentMinutes`), newest first, with what was seen. */
  discovery: Discovery;
  /** How many files the table's metadata holds (INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES). */
  registeredCount: number;
  isRegistered(object: ListedObject): boolean;
  /** The S3 console page of the table's location. */
  links: ConsoleLink[];
}

/**
 * Finds the recent objects under an external table's S3 location (by its partition layout when one is configured,
 * bounded by `externalTables.maxObjectsListed`) and reads the files its metadata registers, each once per run;
 * a location that is not in S3, or a missing bucket, is the verdict.
 */
async function readTableFiles(ctx: CheckContext, table: ExternalTableInfo, session: SnowflakeSession): Promise<TableFiles | CheckResult> {
  if (!table.s3) return fail(`the table's location ${table.location} is not an S3 URL`);
  const { bucket, prefix } = table.s3;
  const links = [link(`S3 ${bucket}/${prefix}`, s3ConsoleUrl({ bucket, prefix }, ctx.config.aws?.region ?? 'us-east-1'))];
  const settings = ctx.config.externalTables!;
  const now = ctx.clock.now().getTime();
  let discovery: Discovery;
  try {
    discovery = await ctx.memo(['s3:recent-objects', bucket, prefix, settings.recentMinutes, settings.partitionPattern], (signal) =>
      discoverRecentObjects(ctx.clients.s3(), { bucket, prefix }, {
        since: new Date(now - settings.recentMinutes * 60_000),
        until: new Date(now),
        maxObjectsListed: settings.maxObjectsListed,
        ...(settings.partitionPattern ? { partitionPattern: settings.partitionPattern } : {}),
        signal,
      }),
    );
  } catch (error) {
    if (error instanceof NoSuchBucket) return fail(`bucket ${bucket} of the table's location does not exist, so no file can be registered`, { links });
    throw error;
  }
  const stageUrl = (await ctx.memo(['snowflake:DESC STAGE', table.stage], () => describeStage(session, table.stage))).url ?? table.location;
  const stagePrefix = stageUrl.replace(/^s3:\/\/[^/]+\//, '');
  const { database } = splitQualifiedName(table.name);
  const files = await session.query(`SELECT * FROM TABLE(${database ? `${database}.` : ''}INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES(TABLE_NAME => ${sqlString(table.name)}))`);
  const registered = new Set(files.map((row) => String(row.FILE_NAME ?? row.file_name ?? '')));
  return {
    bucket,
    prefix,
    discovery,
    registeredCount: registered.size,
    isRegistered: (object) => registered.has(object.key.slice(stagePrefix.length)) || registered.has(object.key),
    links,
  };
}

/** The operations a check built on `eachTableWithFiles` calls, for its `uses`. */
export const tableFilesUses = ['snowflake:SHOW EXTERNAL TABLES', 'snowflake:DESC STAGE', 's3:ListObjectsV2', 'snowflake:EXTERNAL_TABLE_FILES'];

/** Runs `judge` for every configured external table with its S3 objects and registered files; a table whose files cannot be read gets that verdict. */
export function eachTableWithFiles(ctx: CheckContext, judge: (table: ExternalTableInfo, files: TableFiles) => CheckResult | Promise<CheckResult>): Promise<CheckResult> {
  return eachExternalTable(ctx, async (table, session) => {
    const files = await readTableFiles(ctx, table, session);
    return 'status' in files ? files : judge(table, files);
  });
}
