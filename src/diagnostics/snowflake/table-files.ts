import { NoSuchBucket } from '@aws-sdk/client-s3';
import { fail, link, type CheckContext } from '../../check-api';
import type { SnowflakeSession } from '../../clients';
import type { CheckResult, ConsoleLink } from '../../model';
import type { ListedObject } from '../s3/list-recent-objects';
import { discoverRecentObjects, type Discovery } from '../s3/recent-objects';
import { s3ConsoleUrl, type S3Location } from '../s3/s3-url';
import { eachExternalTable } from './each-external-table';
import type { ExternalTableInfo } from './external-table';
import { readRegisteredFiles } from './registered-files';

/** An external table's S3 objects beside the files its metadata has registered. */
export interface TableFiles {
  bucket: string;
  prefix: string;
  /** The recent objects under the location (the window of `externalTables.recentMinutes`), newest first, with what was seen. */
  discovery: Discovery;
  /** The objects written since `since` (every object, when null), newest first: the window's discovery when it reaches that far back, else one more, once per run. */
  discoverSince(since: Date | null): Promise<Discovery>;
  /** How many files the table's metadata holds (INFORMATION_SCHEMA.EXTERNAL_TABLE_FILES). */
  registeredCount: number;
  /** The newest file the metadata holds, by its S3 modification time and whatever its age; null when it holds none. */
  newestRegistered: ListedObject | null;
  isRegistered(object: ListedObject): boolean;
  /** The S3 console page of the table's location. */
  links: ConsoleLink[];
}

/** Discovers the objects under a location since a time, once per run; a key-order listing ignores `since`, so it is shared whatever it is. */
function discover(ctx: CheckContext, location: S3Location, since: Date | null): Promise<Discovery> {
  const settings = ctx.config.externalTables!;
  const { partitionPattern } = settings;
  const until = ctx.clock.now();
  const key = ['s3:recent-objects', location.bucket, location.prefix, settings.maxObjectsListed, partitionPattern, partitionPattern ? (since?.toISOString() ?? null) : null];
  return ctx.memo(key, (signal) =>
    discoverRecentObjects(ctx.clients.s3(), location, {
      ...(since ? { since } : {}),
      until,
      maxObjectsListed: settings.maxObjectsListed,
      ...(partitionPattern ? { partitionPattern } : {}),
      signal,
    }),
  );
}

/**
 * Finds the recent objects under an external table's S3 location (by its partition layout when one is configured,
 * bounded by `externalTables.maxObjectsListed`) and reads the files its metadata registers, each once per run;
 * a location that is not in S3, or a missing bucket, is the verdict.
 */
async function readTableFiles(ctx: CheckContext, table: ExternalTableInfo, session: SnowflakeSession): Promise<TableFiles | CheckResult> {
  if (!table.s3) return fail(`the table's location ${table.location} is not an S3 URL`);
  const location = table.s3;
  const { bucket, prefix } = location;
  const links = [link(`S3 ${bucket}/${prefix}`, s3ConsoleUrl({ bucket, prefix }, ctx.config.aws?.region ?? 'us-east-1'))];
  const windowStart = new Date(ctx.clock.now().getTime() - ctx.config.externalTables!.recentMinutes * 60_000);
  let discovery: Discovery;
  try {
    discovery = await discover(ctx, location, windowStart);
  } catch (error) {
    if (error instanceof NoSuchBucket) return fail(`bucket ${bucket} of the table's location does not exist, so no file can be registered`, { links });
    throw error;
  }
  const registered = await readRegisteredFiles(ctx, session, table);
  return {
    bucket,
    prefix,
    discovery,
    discoverSince: (since) => (since && since >= windowStart ? Promise.resolve(discovery) : discover(ctx, location, since)),
    registeredCount: registered.count,
    newestRegistered: registered.newest,
    isRegistered: registered.has,
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
